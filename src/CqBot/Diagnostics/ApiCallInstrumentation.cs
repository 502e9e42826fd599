using System.Collections.Frozen;
using System.Diagnostics;

namespace CqBot.Diagnostics;

/// <summary>
/// Measures API calls: <c>cqbot.api.calls</c>, <c>cqbot.api.duration</c> and a <c>cqbot.api</c> activity
/// per call, tagged with the action and how the call ended. With no listener a call costs two branches.
/// </summary>
internal static class ApiCallInstrumentation
{
    // The actions this library declares, and .handle_quick_operation. An action called by name with
    // JsonObjectRequest is tagged with its name only when it is one of these: a name chosen at run time
    // would make the tag unbounded. A test keeps the list equal to the [OneBotAction] declarations.
    internal static readonly FrozenSet<string> KnownActions = FrozenSet.Create(StringComparer.Ordinal,
    [
        ".handle_quick_operation",
        "can_send_image", "can_send_record", "clean_cache", "create_group_file_folder", "delete_essence_msg", "delete_group_file",
        "delete_msg", "get_cookies", "get_credentials", "get_csrf_token", "get_essence_msg_list", "get_forward_msg", "get_friend_list",
        "get_friend_msg_history", "get_group_file_url", "get_group_files_by_folder", "get_group_honor_info", "get_group_info",
        "get_group_list", "get_group_member_info", "get_group_member_list", "get_group_msg_history", "get_group_root_files",
        "get_group_system_msg", "get_image", "get_login_info", "get_msg", "get_record", "get_status", "get_stranger_info",
        "get_version_info", "mark_msg_as_read", "send_forward_msg", "send_group_forward_msg", "send_group_msg", "send_like", "send_msg",
        "send_private_forward_msg", "send_private_msg", "set_essence_msg", "set_friend_add_request", "set_group_add_request",
        "set_group_admin", "set_group_anonymous", "set_group_anonymous_ban", "set_group_ban", "set_group_card", "set_group_kick",
        "set_group_leave", "set_group_name", "set_group_special_title", "set_group_whole_ban", "set_restart", "upload_group_file",
        "upload_private_file",
    ]);

    /// <summary>True when something listens to API calls; when false the call goes out unmeasured.</summary>
    public static bool IsEnabled =>
        CqBotMetrics.ApiCalls.Enabled || CqBotMetrics.ApiDuration.Enabled || CqBotActivitySource.Source.HasListeners();

    /// <summary>The bounded action tag: a typed request's action is declared in code; a name given at run time must be known.</summary>
    public static string ActionTag(ApiRequest request) =>
        request is not JsonObjectRequest || KnownActions.Contains(request.Action) ? request.Action : TagNames.OtherAction;

    public static async ValueTask<ApiResponse> SendAsync(Bot bot, IApiTransport transport, ApiHooks? hooks, ApiRequest request, CancellationToken cancellationToken)
    {
        var action = ActionTag(request);
        var activity = CqBotActivitySource.Source.HasListeners()
            ? CqBotActivitySource.Source.StartActivity("cqbot.api " + action, ActivityKind.Client)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TagNames.ApiAction, action);
        }
        var start = Stopwatch.GetTimestamp();
        var outcome = ApiOutcomes.Error;
        try
        {
            var response = hooks is null
                ? await transport.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await hooks.SendAsync(bot, transport, request, cancellationToken).ConfigureAwait(false);
            outcome = response.Status is "ok" or "async" ? ApiOutcomes.Ok : ApiOutcomes.Failed;
            if (activity is not null)
            {
                if (activity.IsAllDataRequested)
                {
                    activity.SetTag(TagNames.ApiRetCode, response.RetCode);
                }
                if (outcome != ApiOutcomes.Ok)
                {
                    activity.SetStatus(ActivityStatusCode.Error, "retcode " + response.RetCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    activity.SetTag(TagNames.ErrorType, ApiOutcomes.Failed);
                }
            }
            return response;
        }
        catch (Exception exception)
        {
            outcome = OutcomeOf(exception, cancellationToken);
            if (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                activity.SetTag(TagNames.ErrorType, exception.GetType().FullName);
            }
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag(TagNames.ApiOutcome, outcome);
                activity.Dispose();
            }
            var tags = new TagList { { TagNames.ApiAction, action }, { TagNames.ApiOutcome, outcome } };
            if (CqBotMetrics.ApiCalls.Enabled)
            {
                CqBotMetrics.ApiCalls.Add(1, tags);
            }
            if (CqBotMetrics.ApiDuration.Enabled)
            {
                CqBotMetrics.ApiDuration.Record(CqBotMetrics.SecondsSince(start), tags);
            }
        }
    }

    /// <summary>The outcome tag of a call that threw.</summary>
    internal static string OutcomeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ActionFailedException => ApiOutcomes.Failed,
        ApiNotAvailableException => ApiOutcomes.NotAvailable,
        HttpFailedException => ApiOutcomes.HttpError,
        // Both transports report a call that got no answer in time as a NetworkException around the timeout.
        NetworkException { InnerException: TimeoutException } => ApiOutcomes.Timeout,
        NetworkException { InnerException: OperationCanceledException } => ApiOutcomes.Timeout,
        NetworkException => ApiOutcomes.Network,
        OperationCanceledException when cancellationToken.IsCancellationRequested => ApiOutcomes.Cancelled,
        _ => ApiOutcomes.Error,
    };
}
