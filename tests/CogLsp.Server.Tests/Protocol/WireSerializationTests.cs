using System.Text.Json;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server.Tests.Protocol;

/// <summary>
/// The wire serialises only through code generated at build time (<see cref="LspJsonContext"/>), never by
/// reflection, so the trimmed and Native AOT servers answer exactly like the JIT server these tests run.
/// Every type that can travel must therefore be listed in the context.
/// </summary>
public class WireSerializationTests
{
    [Fact]
    public void Every_handlers_parameters_and_result_have_generated_serialisation()
    {
        using var services = ServerComposition.BuildServices(new InMemoryFileSystem(), TextWriter.Null);
        var missing = new List<string>();
        foreach (var handler in services.GetServices<ILspHandler>())
        {
            var typed = handler.GetType();
            while (typed is not null && !(typed.IsGenericType && typed.GetGenericTypeDefinition() == typeof(LspHandler<,>)))
            {
                typed = typed.BaseType;
            }

            Assert.NotNull(typed);
            missing.AddRange(typed.GetGenericArguments().Where(t => LspJsonContext.Default.GetTypeInfo(t) is null).Select(t => $"{handler.Method}: {t}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_protocol_type_has_generated_serialisation()
    {
        // Members typed object (document changes, registration options) are written by their runtime type,
        // which must be in the context too; listing every protocol type covers them and new ones alike.
        var missing = typeof(CogLsp.Server.Protocol.Position).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CogLsp.Server.Protocol.Position).Namespace && t.IsPublic && !(t.IsAbstract && t.IsSealed))
            .Where(t => LspJsonContext.Default.GetTypeInfo(t) is null)
            .Select(t => t.Name)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_wire_options_do_not_fall_back_to_reflection()
    {
        // A type outside the context must fail here as it would in the AOT build, not quietly work by reflection.
        Assert.Throws<NotSupportedException>(() => LspJson.Options.GetTypeInfo(typeof(Version)));
    }

    [Fact]
    public void An_object_typed_member_is_written_by_its_runtime_type()
    {
        var edit = new CogLsp.Server.Protocol.WorkspaceEdit
        {
            DocumentChanges = [new CogLsp.Server.Protocol.CreateFile("file:///p/requirements.txt", new CogLsp.Server.Protocol.CreateFileOptions(false, true))],
        };

        Assert.Equal(
            """{"documentChanges":[{"uri":"file:///p/requirements.txt","options":{"overwrite":false,"ignoreIfExists":true},"kind":"create"}]}""",
            JsonSerializer.Serialize(edit, LspJson.Options));
    }
}
