using CallPing.Runtime.Hosting;

namespace CallPing.Runtime.Reminders;

/// <summary>Settings of the reminder pump (configuration section "Reminders").</summary>
public sealed class ReminderOptions : PumpOptions
{
    public const string Section = "Reminders";

    protected override string SectionName => Section;
}
