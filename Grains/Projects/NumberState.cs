namespace CallPing.Grains.Projects;

/// <summary>Stored state of a phone number's call limit: the calls reserved within the current window, oldest first.</summary>
public sealed class NumberState
{
    public List<NumberReservation> Reservations { get; set; } = [];
}
