using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace CqBot.Tests.Api;

/// <summary>
/// Every OneBot v11 action of the spec (TestData/onebot11-apis.json, a copy of the shared protocol data)
/// against the typed API: the parameters written have the spec's names and JSON types, and a response
/// built from the spec's fields reads into the typed result with each field in its property.
/// </summary>
public sealed class ActionSurfaceTests
{
    private static readonly Message Hello = new MessageBuilder().Text("hi").Build();

    // Each action called with every parameter away from its default, so every parameter is written.
    private static readonly Dictionary<string, Func<IBot, Task<object?>>> s_calls = new(StringComparer.Ordinal)
    {
        ["send_private_msg"] = async bot => await bot.SendPrivateMessageAsync(10, Hello, autoEscape: true),
        ["send_group_msg"] = async bot => await bot.SendGroupMessageAsync(20, Hello, autoEscape: true),
        ["send_msg"] = async bot => await bot.SendMessageAsync(Hello, MessageType.Group, userId: 10, groupId: 20, autoEscape: true),
        ["delete_msg"] = async bot => { await bot.DeleteMessageAsync(5); return null; },
        ["get_msg"] = async bot => await bot.GetMessageAsync(5),
        ["get_forward_msg"] = async bot => await bot.GetForwardMessageAsync("abc"),
        ["send_like"] = async bot => { await bot.SendLikeAsync(10, times: 10); return null; },
        ["set_group_kick"] = async bot => { await bot.SetGroupKickAsync(20, 10, rejectAddRequest: true); return null; },
        ["set_group_ban"] = async bot => { await bot.SetGroupBanAsync(20, 10, duration: 60); return null; },
        ["set_group_anonymous_ban"] = async bot => { await bot.SetGroupAnonymousBanAsync(20, "flag", duration: 60); return null; },
        ["set_group_whole_ban"] = async bot => { await bot.SetGroupWholeBanAsync(20, enable: false); return null; },
        ["set_group_admin"] = async bot => { await bot.SetGroupAdminAsync(20, 10, enable: false); return null; },
        ["set_group_anonymous"] = async bot => { await bot.SetGroupAnonymousAsync(20, enable: false); return null; },
        ["set_group_card"] = async bot => { await bot.SetGroupCardAsync(20, 10, "card"); return null; },
        ["set_group_name"] = async bot => { await bot.SetGroupNameAsync(20, "name"); return null; },
        ["set_group_leave"] = async bot => { await bot.SetGroupLeaveAsync(20, isDismiss: true); return null; },
        ["set_group_special_title"] = async bot => { await bot.SetGroupSpecialTitleAsync(20, 10, "title", duration: 60); return null; },
        ["set_friend_add_request"] = async bot => { await bot.SetFriendAddRequestAsync("flag", approve: false, remark: "friend"); return null; },
        ["set_group_add_request"] = async bot => { await bot.SetGroupAddRequestAsync("flag", "invite", approve: false, reason: "no"); return null; },
        ["get_login_info"] = async bot => await bot.GetLoginInfoAsync(),
        ["get_stranger_info"] = async bot => await bot.GetStrangerInfoAsync(10, noCache: true),
        ["get_friend_list"] = async bot => await bot.GetFriendListAsync(),
        ["get_group_info"] = async bot => await bot.GetGroupInfoAsync(20, noCache: true),
        ["get_group_list"] = async bot => await bot.GetGroupListAsync(),
        ["get_group_member_info"] = async bot => await bot.GetGroupMemberInfoAsync(20, 10, noCache: true),
        ["get_group_member_list"] = async bot => await bot.GetGroupMemberListAsync(20),
        ["get_group_honor_info"] = async bot => await bot.GetGroupHonorInfoAsync(20, GroupHonorType.All),
        ["get_cookies"] = async bot => await bot.GetCookiesAsync("qun.qq.com"),
        ["get_csrf_token"] = async bot => await bot.GetCsrfTokenAsync(),
        ["get_credentials"] = async bot => await bot.GetCredentialsAsync("qun.qq.com"),
        ["get_record"] = async bot => await bot.GetRecordAsync("a.silk", "mp3"),
        ["get_image"] = async bot => await bot.GetImageAsync("a.image"),
        ["can_send_image"] = async bot => await bot.CanSendImageAsync(),
        ["can_send_record"] = async bot => await bot.CanSendRecordAsync(),
        ["get_status"] = async bot => await bot.GetStatusAsync(),
        ["get_version_info"] = async bot => await bot.GetVersionInfoAsync(),
        ["set_restart"] = async bot => { await bot.SetRestartAsync(delay: 2000); return null; },
        ["clean_cache"] = async bot => { await bot.CleanCacheAsync(); return null; },
    };

    // Spec parameters that the typed method does not send, and why.
    private static readonly Dictionary<string, string[]> s_notSent = new(StringComparer.Ordinal)
    {
        // The spec takes either the anonymous object or its flag; the flag is what a handler has at hand.
        ["set_group_anonymous_ban"] = ["anonymous"],
    };

    // Values for object and array fields of the spec's responses, which the spec describes only in words.
    private static readonly Dictionary<string, string> s_objectFields = new(StringComparer.Ordinal)
    {
        ["sender"] = """{"user_id":10,"nickname":"alice","sex":"female","role":"admin"}""",
        ["current_talkative"] = """{"user_id":10,"nickname":"alice","avatar":"https://a","day_count":3}""",
        ["talkative_list"] = """[{"user_id":10,"nickname":"alice","avatar":"https://a","description":"d"}]""",
        ["performer_list"] = """[{"user_id":11,"nickname":"bob","avatar":"https://b","description":"d"}]""",
        ["legend_list"] = """[{"user_id":12,"nickname":"carol","avatar":"https://c","description":"d"}]""",
        ["strong_newbie_list"] = """[{"user_id":13,"nickname":"dave","avatar":"https://d","description":"d"}]""",
        ["emotion_list"] = """[{"user_id":14,"nickname":"erin","avatar":"https://e","description":"d"}]""",
    };

    private static readonly Dictionary<string, string> s_textFields = new(StringComparer.Ordinal)
    {
        ["message_type"] = "group",
        ["sex"] = "female",
        ["role"] = "admin",
    };

    private static JsonElement Spec()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "onebot11-apis.json")));
        return document.RootElement.Clone();
    }

    public static TheoryData<string> V11Actions()
    {
        var data = new TheoryData<string>();
        foreach (var api in Spec().GetProperty("apis").EnumerateArray())
        {
            var action = api.GetProperty("action").GetString()!;
            // The quick operation is the hosting's own request, checked in QuickOperationOverWebSocketTests.
            if (action != ".handle_quick_operation")
            {
                data.Add(action);
            }
        }
        return data;
    }

    private static JsonElement SpecOf(string action)
    {
        foreach (var api in Spec().GetProperty("apis").EnumerateArray())
        {
            if (api.GetProperty("action").GetString() == action)
            {
                return api;
            }
        }
        throw new KeyNotFoundException(action);
    }

    [Fact]
    public void Surface_CoversEveryActionOfTheSpec()
    {
        var spec = ((IEnumerable<object[]>)V11Actions()).Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(spec.Order(), s_calls.Keys.Order());
        Assert.Equal(38, spec.Count);
    }

    [Theory]
    [MemberData(nameof(V11Actions))]
    public async Task Call_WithEveryParameterSet_WritesTheSpecNamesAndJsonTypes(string action)
    {
        var spec = SpecOf(action);
        var transport = new ScriptedTransport(Fixture(spec));
        await s_calls[action](new Bot(1, transport));

        var request = Assert.IsAssignableFrom<ApiRequest>(transport.Request);
        Assert.Equal(action, request.Action);
        var written = request.GetParameters();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in spec.GetProperty("params").EnumerateArray())
        {
            var name = parameter.GetProperty("name").GetString()!;
            if (!(s_notSent.TryGetValue(action, out var skipped) && skipped.Contains(name)))
            {
                expected[name] = parameter.GetProperty("type").GetString()!;
            }
        }
        Assert.Equal(expected.Keys.Order(), written.EnumerateObject().Select(p => p.Name).Order());
        foreach (var property in written.EnumerateObject())
        {
            Assert.True(MatchesSpecType(property.Value, expected[property.Name]), $"{action}.{property.Name} is {property.Value.ValueKind}, the spec says {expected[property.Name]}");
        }
    }

    [Theory]
    [MemberData(nameof(V11Actions))]
    public async Task Call_ResponseBuiltFromTheSpec_ReadsEveryFieldIntoTheResult(string action)
    {
        var spec = SpecOf(action);
        var fixture = Fixture(spec);
        var result = await s_calls[action](new Bot(1, new ScriptedTransport(fixture)));

        var response = spec.GetProperty("response");
        var kind = response.GetProperty("type").GetString();
        if (kind == "null")
        {
            Assert.Null(result);
            return;
        }
        Assert.NotNull(result);
        using var document = JsonDocument.Parse(fixture!);
        if (kind == "array")
        {
            var items = Assert.IsAssignableFrom<IList>(result);
            Assert.Equal(document.RootElement.GetArrayLength(), items.Count);
            AssertFieldsRead(action, document.RootElement[0], items[0]!);
        }
        else
        {
            AssertFieldsRead(action, document.RootElement, result);
        }
    }

    [Fact]
    public async Task SendMessage_ToAGroup_CountsAgainstTheGroupsRateLimit()
    {
        var transport = new ScriptedTransport("""{"message_id":1}""");
        await new Bot(1, transport).SendMessageAsync(Hello, MessageType.Group, groupId: 20);
        Assert.True(transport.Request!.SendsMessage);
        Assert.Equal(20, transport.Request.TargetGroupId);
    }

    [Fact]
    public async Task SendMessage_PrivateWithASourceGroup_HasNoTargetGroup()
    {
        var transport = new ScriptedTransport("""{"message_id":1}""");
        await new Bot(1, transport).SendMessageAsync(Hello, MessageType.Private, userId: 10, groupId: 20);
        Assert.True(transport.Request!.SendsMessage);
        Assert.Null(transport.Request.TargetGroupId);
    }

    [Fact]
    public async Task SendPrivateMessage_WithSourceGroupLeftOut_HasNoTargetGroup()
    {
        var transport = new ScriptedTransport("""{"message_id":1}""");
        await new Bot(1, transport).SendPrivateMessageAsync(10, Hello);
        Assert.True(transport.Request!.SendsMessage);
        Assert.Null(transport.Request.TargetGroupId);
    }

    [Fact]
    public async Task Call_OptionalParametersLeftAtDefault_AreNotWritten()
    {
        var transport = new ScriptedTransport(null);
        await new Bot(1, transport).SetGroupBanAsync(20, 10);
        Assert.Equal("""{"group_id":20,"user_id":10}""", transport.Request!.GetParameters().GetRawText());
    }

    [Fact]
    public async Task Call_WithQueuedMode_SendsTheAsyncVariant()
    {
        var transport = new ScriptedTransport(null);
        await new Bot(1, transport).DeleteMessageAsync(5, ApiCallMode.Queued);
        Assert.Equal("delete_msg_async", transport.Request!.WireAction);
        await new Bot(1, transport).CleanCacheAsync(ApiCallMode.RateLimited);
        Assert.Equal("clean_cache_rate_limited", transport.Request!.WireAction);
    }

    [Fact]
    public async Task GetGroupHonorInfo_EnumParameter_IsWrittenInSnakeCase()
    {
        var transport = new ScriptedTransport("""{"group_id":20}""");
        await new Bot(1, transport).GetGroupHonorInfoAsync(20, GroupHonorType.StrongNewbie);
        Assert.Equal("strong_newbie", transport.Request!.GetParameters().GetProperty("type").GetString());
    }

    // UserId → user_id: how the spec's field names relate to the result's property names.
    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static bool MatchesSpecType(JsonElement value, string type) => type switch
    {
        _ when type.StartsWith("number", StringComparison.Ordinal) => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "message" => value.ValueKind is JsonValueKind.Array or JsonValueKind.String,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    // The data of a response: one sample value per field the spec lists (twice for array data), null when the spec says null.
    private static string? Fixture(JsonElement spec)
    {
        var response = spec.GetProperty("response");
        var kind = response.GetProperty("type").GetString();
        if (kind == "null")
        {
            return null;
        }
        var fields = new List<string>();
        var index = 0;
        foreach (var field in response.GetProperty("fields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            var type = field.GetProperty("type").GetString()!;
            index++;
            var value = s_objectFields.TryGetValue(name, out var json) ? json : type switch
            {
                "number (int64)" => (1_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when type.StartsWith("number", StringComparison.Ordinal) => (100 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "string" => "\"" + s_textFields.GetValueOrDefault(name, "text " + name) + "\"",
                "boolean" => "true",
                _ when type.StartsWith("message", StringComparison.Ordinal) => """[{"type":"text","data":{"text":"hi"}}]""",
                _ => null,
            };
            if (value is not null)
            {
                fields.Add("\"" + name + "\":" + value);
            }
        }
        var item = "{" + string.Join(",", fields) + "}";
        return kind == "array" ? "[" + item + "," + item + "]" : item;
    }

    // Each fixture field must land in the property of the same snake_case name, with the same value.
    private static void AssertFieldsRead(string action, JsonElement fixture, object result)
    {
        var properties = result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);
        foreach (var field in fixture.EnumerateObject())
        {
            Assert.True(properties.TryGetValue(field.Name, out var property), $"{action}: no property reads '{field.Name}'");
            var value = property.GetValue(result);
            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Number:
                    Assert.Equal(field.Value.GetInt64(), Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case JsonValueKind.String:
                    Assert.Equal(field.Value.GetString(), value is Enum e ? SnakeCase(e.ToString()) : value?.ToString());
                    break;
                case JsonValueKind.True:
                    Assert.Equal(true, value);
                    break;
                case JsonValueKind.Array when value is Message message:
                    Assert.Equal("hi", message.GetPlainText());
                    break;
                case JsonValueKind.Array:
                    Assert.Equal(field.Value.GetArrayLength(), Assert.IsAssignableFrom<ICollection>(value).Count);
                    break;
                default:
                    Assert.NotNull(value);
                    break;
            }
        }
    }
}

/// <summary>Answers every request with the same data (null for none) and keeps the last request.</summary>
internal sealed class ScriptedTransport(string? dataJson) : IApiTransport
{
    public ApiRequest? Request { get; private set; }

    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        JsonElement? data = null;
        if (dataJson is not null)
        {
            using var document = JsonDocument.Parse(dataJson);
            data = document.RootElement.Clone();
        }
        return ValueTask.FromResult(new ApiResponse("ok", 0, data));
    }
}
