using Microsoft.Extensions.FileProviders;
using CallPing.WebFrontend.Portal.Live;

namespace CallPing.WebFrontend.Portal;

/// <summary>
/// The web portal: server-rendered Razor Pages under Portal/Pages, and their script and stylesheet, which ship inside
/// this assembly so that whichever host serves the web role (Silo or WebFrontend) serves them too, never a CDN.
/// </summary>
public static class PortalHostingExtensions
{
    public const string AssetsPath = "/assets";

    public static IHostApplicationBuilder AddCallPingPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Portal/Pages";
                // Every page under /Account, /Orgs and /Projects needs a live session; without one the browser goes to the login page.
                options.Conventions.AddFolderApplicationModelConvention("/Account", model => model.Filters.Add(new SignInRedirectFilter()));
                options.Conventions.AddFolderApplicationModelConvention("/Orgs", model => model.Filters.Add(new SignInRedirectFilter()));
                options.Conventions.AddFolderApplicationModelConvention("/Projects", model => model.Filters.Add(new SignInRedirectFilter()));
                options.Conventions.AddFolderApplicationModelConvention("/PhoneNumbers", model => model.Filters.Add(new SignInRedirectFilter()));
            })
            .AddApplicationPart(typeof(PortalHostingExtensions).Assembly);
        builder.Services.AddSingleton<OpenFeeds>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCallPingPortal(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new EmbeddedFileProvider(typeof(PortalHostingExtensions).Assembly, "CallPing.WebFrontend.Portal.Assets"),
        });
        // Pages are not API operations: they stay out of the OpenAPI document and the checks that compare it with the routes.
        app.MapRazorPages().WithMetadata(new PortalPage()).ExcludeFromDescription();
        app.MapLiveFeeds();
        return app;
    }
}
