using System.Diagnostics;
using CqBot.Hosting.Pipeline;

namespace CqBot.Hosting.Diagnostics;

/// <summary>
/// The <c>cqbot.event</c> activity and <c>cqbot.event.duration</c> of one event, from its receipt (the
/// wait behind its chat included) to the end of its handlers and answer. Called only while something
/// listens.
/// </summary>
internal static class EventActivity
{
    public static Activity? Start(EventWork work, long start)
    {
        if (!HostingMetrics.Source.HasListeners())
        {
            return null;
        }
        var activity = HostingMetrics.Source.StartActivity(NameOf(work.Event.PostType), ActivityKind.Consumer);
        if (activity is null)
        {
            return null;
        }
        if (work.Received != 0)
        {
            // It began when the event arrived, not when its chat's turn came.
            activity.SetStartTime(DateTime.UtcNow - Stopwatch.GetElapsedTime(start));
        }
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(HostingTags.Account, work.Account.AccountTag);
            activity.SetTag(HostingTags.PostType, work.Event.PostType);
            activity.SetTag(HostingTags.ChatKind, ChatKind(work.Channel.Kind));
            activity.SetTag(HostingTags.Transport, work.Transport);
        }
        return activity;
    }

    public static void Stop(EventWork work, Activity? activity, long start, Exception? failure)
    {
        if (activity is not null)
        {
            if (failure is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure.Message);
                activity.SetTag(HostingTags.ErrorType, failure.GetType().FullName);
            }
            activity.Dispose();
        }
        if (HostingMetrics.EventDuration.Enabled)
        {
            var tags = new TagList
            {
                { HostingTags.Account, work.Account.AccountTag },
                { HostingTags.PostType, work.Event.PostType },
                { HostingTags.Transport, work.Transport },
            };
            if (failure is not null)
            {
                tags.Add(HostingTags.ErrorType, failure.GetType().FullName);
            }
            HostingMetrics.EventDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    private static string NameOf(string postType) => postType switch
    {
        "message" => "cqbot.event message",
        "notice" => "cqbot.event notice",
        "request" => "cqbot.event request",
        "meta_event" => "cqbot.event meta_event",
        "message_sent" => "cqbot.event message_sent",
        _ => "cqbot.event " + postType,
    };

    private static string ChatKind(ChannelKind kind) => kind switch
    {
        ChannelKind.Group => "group",
        ChannelKind.Private => "private",
        _ => "none",
    };
}
