using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Data Protection's key ring in the store, through the cluster's key ring grain, so that every web process reads
/// and writes the same keys. Data Protection asks synchronously and rarely (it caches the ring), always from a
/// request or its own refresh, never from inside a grain; so the grain call is waited for here.
/// </summary>
public sealed class KeyRingXmlRepository(IGrainFactory grains) : IXmlRepository
{
    public const string RingName = "dataprotection";

    private IKeyRingGrain Ring => grains.GetGrain<IKeyRingGrain>(RingName);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Ring.GetElementsAsync().GetAwaiter().GetResult().Select(text => XElement.Parse(text))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Ring.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
