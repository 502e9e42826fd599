using System.Diagnostics;

namespace CqBot.Diagnostics;

/// <summary>
/// Measures one command run: <c>cqbot.command.runs</c>, <c>cqbot.command.duration</c> and a
/// <c>cqbot.command</c> activity, tagged with the command's name and its outcome. A struct that lives in
/// the middleware's state machine; inactive, and free, while nothing listens.
/// </summary>
internal struct CommandInstrumentation
{
    private readonly string? _command;
    private readonly Activity? _activity;
    private readonly long _start;
    private string _outcome;

    private CommandInstrumentation(string command, Activity? activity)
    {
        _command = command;
        _activity = activity;
        _start = Stopwatch.GetTimestamp();
        // A run that ends by an exception the middleware lets through (cancellation) counts as failed.
        _outcome = CommandOutcomes.Failed;
    }

    private static bool IsEnabled =>
        CqBotMetrics.CommandRuns.Enabled || CqBotMetrics.CommandDuration.Enabled || CqBotActivitySource.Source.HasListeners();

    /// <summary>Starts measuring when something listens; otherwise returns an inactive measurement.</summary>
    public static CommandInstrumentation Start(CommandDefinition command)
    {
        if (!IsEnabled)
        {
            return default;
        }
        var activity = CqBotActivitySource.Source.HasListeners()
            ? CqBotActivitySource.Source.StartActivity("cqbot.command " + command.Name, ActivityKind.Internal)
            : null;
        activity?.SetTag(TagNames.Command, command.Name);
        return new CommandInstrumentation(command.Name, activity);
    }

    /// <summary>The command returned; <paramref name="progress"/> tells whether it ran or what stopped it.</summary>
    public void Ended(CommandProgress progress)
    {
        if (_command is null)
        {
            return;
        }
        _outcome = progress switch
        {
            CommandProgress.ParseError => CommandOutcomes.ParseError,
            CommandProgress.Refused => CommandOutcomes.Refused,
            CommandProgress.CheckRefused or CommandProgress.Parsed => CommandOutcomes.CheckRefused,
            _ => CommandOutcomes.Ok,
        };
    }

    public void Failed(Exception exception)
    {
        if (_command is null)
        {
            return;
        }
        _outcome = CommandOutcomes.Failed;
        if (_activity is not null)
        {
            _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            _activity.SetTag(TagNames.ErrorType, exception.GetType().FullName);
        }
    }

    public readonly void Stop()
    {
        if (_command is null)
        {
            return;
        }
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
