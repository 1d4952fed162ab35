using CallPing.Runtime.Tests.Infrastructure;

namespace CallPing.Runtime.Tests;

public sealed class SqliteLeaseAndMembershipTests(SqliteStoreUnderTest store) : LeaseAndMembershipTests(store), IClassFixture<SqliteStoreUnderTest>;
