namespace CallPing.Grains.Accounts;

/// <summary>Stored state of an e-mail address: its account's user id.</summary>
[GenerateSerializer, Alias("callping.EmailIndexState")]
public sealed class EmailIndexState
{
    [Id(0)]
    public string UserId { get; set; } = "";
}
