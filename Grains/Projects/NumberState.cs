namespace CallPing.Grains.Projects;

/// <summary>Stored state of a phone number's call limit: the calls reserved within the current window, oldest first.</summary>
[GenerateSerializer, Alias("callping.NumberState")]
public sealed class NumberState
{
    [Id(0)]
    public List<NumberReservation> Reservations { get; set; } = [];

    /// <summary>The verification and test calls reserved within the portal's window, oldest first (by call id).</summary>
    [Id(1)]
    public List<NumberReservation> PortalCalls { get; set; } = [];
}
