using Microsoft.Extensions.Options;

namespace CqBot.Hosting.Configuration;

/// <summary>Validates <see cref="BotOptions"/> when they are first read, naming the first bad setting.</summary>
internal sealed class BotOptionsValidation : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        try
        {
            BotOptionsReader.Validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (BotConfigurationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
