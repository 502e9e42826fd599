using CqBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DiceBot;

/// <summary>
/// Exports the bot's <c>CqBot</c> meter and activity source with the standard OpenTelemetry packages, when
/// asked: <c>CqBot:Telemetry:Otlp=true</c> sends metrics and traces to the OTLP endpoint of the usual
/// <c>OTEL_EXPORTER_OTLP_*</c> variables (a collector at localhost:4317 by default);
/// <c>CqBot:Telemetry:Prometheus=true</c> serves <c>/metrics</c> for a Prometheus scrape, behind the access
/// token when one is set. With neither, nothing is exported (<c>dotnet-counters monitor -n DiceBot --counters CqBot</c>
/// still shows the metrics live).
/// </summary>
internal sealed class Telemetry
{
    private readonly bool _prometheus;

    private Telemetry(bool prometheus) => _prometheus = prometheus;

    public static Telemetry AddExporters(BotApplicationBuilder builder)
    {
        var otlp = IsOn(builder.Configuration["CqBot:Telemetry:Otlp"]);
        var prometheus = IsOn(builder.Configuration["CqBot:Telemetry:Prometheus"]);
        if (!otlp && !prometheus)
        {
            return new Telemetry(prometheus: false);
        }
        var telemetry = builder.Services.AddOpenTelemetry();
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter("CqBot");
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource("CqBot").AddOtlpExporter());
        }
        return new Telemetry(prometheus);
    }

    /// <summary>Serves <c>/metrics</c> when Prometheus export is on; the access token guards it like the OneBot endpoints.</summary>
    public void MapScrapeEndpoint(BotApplication app)
    {
        if (_prometheus)
        {
            app.Endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(app.AccessTokenCheck), optionsName: null);
        }
    }

    private static bool IsOn(string? value) => bool.TryParse(value, out var on) && on;
}
