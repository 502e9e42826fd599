namespace CqBot.Packaging.Tests;

/// <summary>A test that packs and publishes: it runs only when <c>CQBOT_PACKAGING_TESTS=1</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PackagingFactAttribute : FactAttribute
{
    public const string Variable = "CQBOT_PACKAGING_TESTS";

    public PackagingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Packs and publishes CqBot, which takes minutes; set {Variable}=1 to run it.";
        }
    }
}
