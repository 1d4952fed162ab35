namespace CallPing.WebFrontend.Apis;

/// <summary>The endpoints of the web role (the health probes are served by every process).</summary>
public static class WebRoleApis
{
    public static IEndpointRouteBuilder MapWebRoleApis(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi();
        endpoints.MapProjectSpeechApi();
        endpoints.MapMediaApi();
        endpoints.MapAlertsApi();
        endpoints.MapPagerDutyApi();
        endpoints.MapIntegrationsApi();
        endpoints.MapAuthApi();
        endpoints.MapSessionApi();
        endpoints.MapPasswordResetApi();
        endpoints.MapMeApi();
        endpoints.MapOrgsApi();
        endpoints.MapOrgMembersApi();
        endpoints.MapProjectsApi();
        endpoints.MapProjectKeysApi();
        endpoints.MapProjectTestAlertApi();
        endpoints.MapProjectAlertsApi();
        endpoints.MapPhoneNumbersApi();
        return endpoints;
    }
}
