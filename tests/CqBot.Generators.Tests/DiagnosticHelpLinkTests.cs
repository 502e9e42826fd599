using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

/// <summary>Every diagnostic of the analyzers links to its section of docs/diagnostics.md; the generators declare none.</summary>
public sealed partial class DiagnosticHelpLinkTests
{
    private const string Page = "https://github.com/cqbot/cqbot/blob/main/docs/diagnostics.md#";

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Descriptor_LinksToAHeadingOfTheDiagnosticsPage(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.StartsWith(Page, descriptor.HelpLinkUri, StringComparison.Ordinal);
        var anchor = descriptor.HelpLinkUri.Substring(Page.Length);
        Assert.Contains(anchor, Anchors());
        Assert.StartsWith(id.ToLowerInvariant() + "-", anchor, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Readme_ListsTheDiagnosticWithItsSeverityAndLink(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var link = "docs/diagnostics.md#" + descriptor.HelpLinkUri.Substring(Page.Length);
        var readme = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(DocsPath()))!, "README.md");
        var row = File.ReadLines(readme).SingleOrDefault(line => line.StartsWith($"| [{id}]({link}) |", StringComparison.Ordinal));
        Assert.True(row is not null, $"README.md's diagnostics table has no row for {id} linking to {link}");
        Assert.Contains($" | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} | ", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptors_AreFoundOnceEach()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Contains("CQB2001", ids);
        Assert.Contains("CQB2015", ids);
        Assert.Contains("CQB2301", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    // The generators stay silent on bad input: every diagnostic is the analyzers'.
    [Fact]
    public void Generators_DeclareNoDescriptors() =>
        Assert.Empty(DescriptorsOf(typeof(CommandGenerator).Assembly));

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        new[] { typeof(CommandGenerator).Assembly, typeof(CqBot.Analyzers.CheckTargetAnalyzer).Assembly }
            .SelectMany(DescriptorsOf)
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    private static IEnumerable<DiagnosticDescriptor> DescriptorsOf(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    // GitHub's anchor for a heading: lower-cased, punctuation other than '-' and '_' dropped, spaces as '-'.
    private static HashSet<string> Anchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(DocsPath()))
        {
            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                var text = heading.Groups[1].Value.Trim().ToLowerInvariant();
                anchors.Add(new string(text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static string DocsPath([System.Runtime.CompilerServices.CallerFilePath] string callerPath = "")
    {
        var directory = Path.GetDirectoryName(callerPath)!;
        while (!File.Exists(Path.Combine(directory, "docs", "diagnostics.md")))
        {
            directory = Path.GetDirectoryName(directory)!;
        }
        return Path.Combine(directory, "docs", "diagnostics.md");
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+)$")]
    private static partial Regex HeadingPattern();
}
