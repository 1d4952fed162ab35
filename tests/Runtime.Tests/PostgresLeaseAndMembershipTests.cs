using CallPing.Runtime.Tests.Infrastructure;

namespace CallPing.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeaseAndMembershipTests(PostgresStoreUnderTest store) : LeaseAndMembershipTests(store);
