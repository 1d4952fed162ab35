using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Accounts and sessions: session authentication, antiforgery, Data Protection on the store, rate limits, e-mail, security headers.</summary>
public static class AccountsHostingExtensions
{
    public static IHostApplicationBuilder AddCallPingAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new AccountClock(TimeProvider.System));
        services.AddSingleton<Passwords>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<AccountMails>();
        services.AddSingleton<Orgs.OrgScopes>();
        services.AddSingleton(sp => new AccountLimits(sp.GetRequiredService<IOptions<AccountOptions>>().Value.AccountPermitsPerMinute));
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Host)
            ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));

        services.AddDataProtection().SetApplicationName("CallPing");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = ActivatorUtilities.CreateInstance<KeyRingXmlRepository>(sp)));

        services.AddSingleton<IAntiforgeryAdditionalDataProvider, SessionAntiforgeryData>();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryFilter.HeaderName;
            options.Cookie.Name = AntiforgeryFilter.CookieName;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = "/";
            // SecurityHeaders sends X-Frame-Options: DENY on every response.
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddAuthentication(SessionAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AccountEndpoints.SignedIn, policy => policy.AddAuthenticationSchemes(SessionAuthentication.SchemeName).RequireAuthenticatedUser());

        var ipPermits = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>()?.IpPermitsPerMinute ?? new AccountOptions().IpPermitsPerMinute;
        services.AddRateLimiter(options => AccountLimits.AddIpPolicies(options, ipPermits));

        return builder;
    }

    /// <summary>
    /// Data Protection reads its key ring while the host starts; the ring is in the store, reached through grains,
    /// which answer only once the silo or the cluster client has started (a silo asking before that fails after
    /// placement retries and logs an error). The ring is read at its first use instead. Call this after every
    /// registration: AddAntiforgery, AddAuthentication and AddRazorPages add Data Protection's start-up loader again.
    /// </summary>
    public static IServiceCollection LoadKeyRingAtFirstUse(this IServiceCollection services)
    {
        foreach (var loader in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(loader);
        }

        return services;
    }

    /// <summary>
    /// The scheme a TLS-terminating proxy on loopback saw (X-Forwarded-Proto), so
    /// that the Secure antiforgery cookie is issued behind it; authentication, authorization and rate limits.
    /// </summary>
    public static IApplicationBuilder UseCallPingAccounts(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
