using CallPing.Runtime.Hosting;

namespace CallPing.Runtime.Outbox;

/// <summary>Settings of the outbox pump (configuration section "Outbox").</summary>
public sealed class OutboxOptions : PumpOptions
{
    public const string Section = "Outbox";

    protected override string SectionName => Section;
}
