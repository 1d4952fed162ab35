-- Effects pinned to a lease run only on the silo holding it (a dial runs where its PBX is driven).
ALTER TABLE outbox ADD COLUMN lease TEXT NULL;
