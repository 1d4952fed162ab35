using System.Text.Json;

namespace CallPing.WebFrontend.Intake;

/// <summary>The steps of an intake request authenticated by "Authorization: Bearer": key, rate limit, then the body.</summary>
public static class BearerIntake
{
    public static async Task<(string? ProjectId, T? Body, IntakeFailure? Failure)> ReadAsync<T>(
        HttpContext context, IntakeGate gate, JsonSerializerOptions json, CancellationToken cancellationToken) where T : class
    {
        var (projectId, refused) = await gate.AdmitAsync(IntakeGate.BearerKeyOf(context.Request), cancellationToken);
        if (refused is not null)
        {
            return (null, null, refused);
        }

        var (body, invalid) = await IntakeBody.ReadJsonAsync<T>(context.Request, json, gate.Options.MaxBodyBytes, cancellationToken);
        return invalid is not null ? (null, null, invalid) : (projectId, body, null);
    }
}
