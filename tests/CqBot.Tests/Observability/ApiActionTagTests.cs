using System.Reflection;
using CqBot.Diagnostics;

namespace CqBot.Tests.Observability;

public sealed class ApiActionTagTests
{
    [Fact]
    public void KnownActions_AreExactlyTheDeclaredOnesAndTheQuickOperation()
    {
        var declared = typeof(IBot).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<OneBotActionAttribute>()?.Action)
            .OfType<string>()
            .Append(".handle_quick_operation")
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, ApiCallInstrumentation.KnownActions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("send_msg", "send_msg")]
    [InlineData("get_status", "get_status")]
    [InlineData("my_own_action", "other")]
    public void ActionTag_ByName_IsKnownOrOther(string action, string tag) =>
        Assert.Equal(tag, ApiCallInstrumentation.ActionTag(new JsonObjectRequest(action)));
}
