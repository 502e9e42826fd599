using System.Globalization;
using CqBot.Generators.Model;

namespace CqBot.Generators;

public sealed partial class PluginGenerator
{
    /// <summary>Writes a plugin's settings binder: one typed read per property, no reflection.</summary>
    internal static class SettingsEmitter
    {
        private const string Reader = "global::CqBot.Infrastructure.PluginSettingsReader";

        public static void EmitBinder(IndentedWriter writer, SettingsModel settings)
        {
            writer.Line("/// <summary>Reads the configured values of <c>" + settings.TypeName.Replace("global::", "") + "</c>; a value of the wrong type names its setting.</summary>");
            writer.Open("protected override void BindSettings(global::Microsoft.Extensions.Configuration.IConfiguration section, " + settings.TypeName + " settings)");
            for (var i = 0; i < settings.Properties.Count; i++)
            {
                var property = settings.Properties[i];
                var local = "v" + i.ToString(CultureInfo.InvariantCulture);
                var read = property.Reader == "Enum"
                    ? Reader + ".TryReadEnum<" + property.TypeName + ">(section, \"" + property.Name + "\", out var " + local + ")"
                    : Reader + ".TryRead(section, \"" + property.Name + "\", out " + property.TypeName + " " + local + ")";
                writer.Open("if (" + read + ")");
                writer.Line("settings." + property.Name + " = " + local + ";");
                writer.Close();
            }
            writer.Close();
        }
    }
}
