using System.Diagnostics;

namespace CqBot.Diagnostics;

/// <summary>
/// Measures one command run: <c>cqbot.command.runs</c>, <c>cqbot.command.duration</c> and a
/// <c>cqbot.command</c> activity, tagged with the command's name and its outcome. Made only while
/// something listens; otherwise the middleware runs the command unmeasured.
/// </summary>
internal sealed class CommandInstrumentation
{
    private readonly string _command;
    private readonly Activity? _activity;
    private readonly long _start;
    private string _outcome = CommandOutcomes.Failed;

    private CommandInstrumentation(string command, Activity? activity)
    {
        _command = command;
        _activity = activity;
        _start = Stopwatch.GetTimestamp();
    }

    public static bool IsEnabled =>
        CqBotMetrics.CommandRuns.Enabled || CqBotMetrics.CommandDuration.Enabled || CqBotActivitySource.Source.HasListeners();

    public static CommandInstrumentation Start(CommandDefinition command)
    {
        var activity = CqBotActivitySource.Source.HasListeners()
            ? CqBotActivitySource.Source.StartActivity("cqbot.command " + command.Name, ActivityKind.Internal)
            : null;
        activity?.SetTag(TagNames.Command, command.Name);
        return new CommandInstrumentation(command.Name, activity);
    }

    /// <summary>The command returned; <paramref name="progress"/> tells whether it ran or what stopped it.</summary>
    public void Ended(CommandProgress progress) => _outcome = progress switch
    {
        CommandProgress.ParseError => CommandOutcomes.ParseError,
        CommandProgress.Refused => CommandOutcomes.Refused,
        CommandProgress.CheckRefused or CommandProgress.Parsed => CommandOutcomes.CheckRefused,
        _ => CommandOutcomes.Ok,
    };

    public void Failed(Exception exception)
    {
        _outcome = CommandOutcomes.Failed;
        if (_activity is not null)
        {
            _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            _activity.SetTag(TagNames.ErrorType, exception.GetType().FullName);
        }
    }

    public void Stop()
    {
        if (_activity is not null)
        {
            _activity.SetTag(TagNames.CommandOutcome, _outcome);
            _activity.Dispose();
        }
        var tags = new TagList { { TagNames.Command, _command }, { TagNames.CommandOutcome, _outcome } };
        if (CqBotMetrics.CommandRuns.Enabled)
        {
            CqBotMetrics.CommandRuns.Add(1, tags);
        }
        if (CqBotMetrics.CommandDuration.Enabled)
        {
            CqBotMetrics.CommandDuration.Record(CqBotMetrics.SecondsSince(_start), tags);
        }
    }
}
