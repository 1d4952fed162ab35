using CallPing.Grains;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;
using CallPing.WebFrontend.Phones.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>
/// The signed-in person's own phone numbers: add, list, verify by a call that plays a code, turn on or off, test call.
/// Each is found in the person's own account, so anybody else's number id is simply not there: 404.
/// </summary>
public static class PhoneNumbersApi
{
    public const string Prefix = "/api/v1/phone-numbers";

    public static IEndpointRouteBuilder MapPhoneNumbersApi(this IEndpointRouteBuilder endpoints)
    {
        var phones = endpoints.MapGroup(Prefix).WithTags("Phone numbers").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        phones.MapGet("", ListAsync).Produces<List<PhoneNumberView>>()
            .WithName("ListPhoneNumbers").WithSummary("The signed-in person's phone numbers with their verification status.");
        phones.MapPost("", AddAsync).Accepts<NewPhoneNumberBody>("application/json").Produces<CreatedPhoneNumber>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddPhoneNumber").WithSummary("Adds a phone number in E.164 form; it is called by escalations once verified.");

        var phone = phones.MapGroup("/{phoneNumberId}").ProducesProblem(StatusCodes.Status404NotFound);
        phone.MapPost("/verification-call", CallToVerifyAsync).Produces<PlacedCall>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("CallToVerifyPhoneNumber").WithSummary("Calls the number to play a new 6-digit code (valid 10 minutes; any earlier code is void). A number has at most 5 verification and test calls an hour, whoever asks: 429 with Retry-After beyond.");
        phone.MapPost("/verify", VerifyAsync).Accepts<CodeBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("VerifyPhoneNumber").WithSummary("Verifies the number with the code its call played; the third wrong code voids it.");
        phone.MapPut("/active", SetActiveAsync).RequireStepUp().Accepts<ActiveBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .WithName("SetPhoneNumberActive").WithSummary("Turns the number on or off for escalations (needs a step-up).");
        phone.MapPost("/test-call", PlaceTestCallAsync).Produces<PlacedCall>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("PlaceTestCall").WithSummary("Places a test call to a verified number (within the number's limit of verification and test calls); GET the same path for its outcome.");
        phone.MapGet("/test-call", GetTestCallAsync).Produces<TestCallView>()
            .WithName("GetTestCall").WithSummary("The number's last test call: status, and its outcome once ended.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await Mine(context, grains).GetPhoneNumbersAsync());

    private static async Task<IResult> AddAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<NewPhoneNumberBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Checked here as in the grain: an exception crossing a grain call loses its field.
        if (!PhoneNumber.IsValid(body!.Number))
        {
            return AccountJson.Invalid("number", $"The number must be {PhoneNumber.Rule}.");
        }

        try
        {
            DisplayName.Validate(body.Label, "label");
        }
        catch (ArgumentException e)
        {
            return AccountJson.Invalid("label", e.Message.Replace("The name", "The label", StringComparison.Ordinal).Replace(" (Parameter 'label')", "", StringComparison.Ordinal));
        }

        var answer = await Mine(context, grains).AddPhoneNumberAsync(body.Number, body.Label!);
        return OrgProblems.Result(answer, () => TypedResults.Created($"{Prefix}/{answer.CreatedId}", new CreatedPhoneNumber(answer.CreatedId!)));
    }

    private static async Task<IResult> CallToVerifyAsync(string phoneNumberId, HttpContext context, IGrainFactory grains) =>
        Placed(await Mine(context, grains).CallToVerifyAsync(phoneNumberId));

    private static async Task<IResult> VerifyAsync(string phoneNumberId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<CodeBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Code is not { Length: 6 } code || !code.All(char.IsAsciiDigit))
        {
            return AccountJson.Invalid("code", "The code is the 6 digits the call played.");
        }

        return OrgProblems.Result(await Mine(context, grains).VerifyPhoneNumberAsync(phoneNumberId, code));
    }

    private static async Task<IResult> SetActiveAsync(string phoneNumberId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<ActiveBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Active is not { } active)
        {
            return AccountJson.Invalid("active", "Say true or false.");
        }

        return OrgProblems.Result(await Mine(context, grains).SetPhoneNumberActiveAsync(phoneNumberId, active, OrgAccess.AuditOf(context)));
    }

    private static async Task<IResult> PlaceTestCallAsync(string phoneNumberId, HttpContext context, IGrainFactory grains) =>
        Placed(await Mine(context, grains).PlaceTestCallAsync(phoneNumberId));

    private static async Task<IResult> GetTestCallAsync(string phoneNumberId, HttpContext context, IGrainFactory grains) =>
        await Mine(context, grains).GetTestCallAsync(phoneNumberId) is { } call ? TypedResults.Ok(call) : OrgProblems.NotFound();

    private static IResult Placed(OrgAnswer answer) =>
        OrgProblems.Result(answer, () => TypedResults.Accepted((string?)null, new PlacedCall(answer.CreatedId!)));

    private static IUserGrain Mine(HttpContext context, IGrainFactory grains) => grains.GetGrain<IUserGrain>(context.User.UserId());
}
