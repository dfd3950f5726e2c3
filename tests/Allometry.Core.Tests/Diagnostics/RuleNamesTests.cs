namespace Allometry.Core.Tests.Diagnostics;

using Allometry.Core.Diagnostics;
using Allometry.Core.Rules;

public sealed class RuleNamesTests
{
    [Fact]
    public void Catalogue_EveryRule_HasAWrittenNameInBothLanguages()
    {
        var unnamed = RuleCatalog.All.Select(r => r.Id).Where(id => !RuleNames.IsNamed(id)).ToList();

        Assert.True(unnamed.Count == 0,
            "The diagnostic report names every rule in English and French: add " + string.Join(", ", unnamed) +
            " to core/Allometry.Core/Diagnostics/RuleNames.cs (name and topic).");
        Assert.All(RuleCatalog.All, r => Assert.NotEqual(RuleNames.Of(r.Id).En, RuleNames.Of(r.Id).Fr));
    }

    [Fact]
    public void Of_UnknownRule_FallsBackToItsIdInWords()
    {
        Assert.Equal("Some new rule", RuleNames.Of("SomeNewRule").En);
        Assert.Equal(DiagnosticTopic.Collections, RuleNames.TopicOf("SomeNewRule"));
    }
}
