namespace CallPing.PbxSimulator.Calls;

/// <summary>Q.850 causes as Asterisk names them, with the SIP status and dialstatus chan_pjsip pairs them with.</summary>
public static class HangupCauses
{
    private static readonly Dictionary<int, (string Text, int? Sip)> Known = new()
    {
        [0] = ("Unknown", null),
        [1] = ("Unallocated (unassigned) number", 404),
        [3] = ("No route to destination", 404),
        [16] = ("Normal Clearing", null),
        [17] = ("User busy", 486),
        [18] = ("No user responding", 408),
        [19] = ("User alerting, no answer", 480),
        [20] = ("Subscriber absent", 480),
        [21] = ("Call Rejected", 603),
        [22] = ("Number changed", 410),
        [27] = ("Destination out of order", 502),
        [28] = ("Invalid number format (addr incomplete)", 484),
        [34] = ("Circuit/channel congestion", 503),
        [38] = ("Network out of order", 500),
        [41] = ("Temporary failure", 503),
        [42] = ("Switching equipment congestion", 503),
        [44] = ("Requested channel not available", 503),
        [58] = ("Bearer capability not available", 488),
        [127] = ("Interworking, unspecified", 400),
    };

    public static string Text(int cause) => Known.TryGetValue(cause, out var known) ? known.Text : "Unknown";

    /// <summary>The SIP status behind a failure; null for normal clearing.</summary>
    public static int? SipStatus(int cause) => Known.TryGetValue(cause, out var known) ? known.Sip : null;

    /// <summary>The final Dial dialstatus for a failed call; NOANSWER stands for most failures.</summary>
    public static string DialStatus(int cause) => cause switch
    {
        17 => "BUSY",
        34 or 42 => "CONGESTION",
        20 => "CHANUNAVAIL",
        _ => "NOANSWER",
    };

    /// <summary>DELETE /ari/channels/{id}?reason=... as Asterisk maps it.</summary>
    public static int? FromReason(string reason) => reason switch
    {
        "normal" => 16,
        "busy" => 17,
        "congestion" => 34,
        "no_answer" => 19,
        "timeout" => 18,
        "rejected" => 21,
        "unallocated" => 1,
        "normal_unspecified" => 31,
        "number_incomplete" => 28,
        "codec_mismatch" => 58,
        "interworking" => 127,
        "failure" => 41,
        "answered_elsewhere" => 26,
        _ => null,
    };
}
