using System.Diagnostics;
using System.Text.Json;

namespace CogLsp.Syntax.Tests.Requirements;

/// <summary>
/// Runs one of the oracle scripts with python3 (pip and its vendored packaging are the judges of
/// validity). Missing python3 or pip makes the calling test fail with a clear message: an oracle test
/// must never pass without having asked the oracle.
/// </summary>
internal static class PythonOracle
{
    public static T Run<T>(string script, object input)
    {
        var scriptPath = Path.Combine(AppContext.BaseDirectory, "Oracle", script);
        Assert.True(File.Exists(scriptPath), $"oracle script {scriptPath} was not copied to the test output");
        var inputPath = Path.GetTempFileName();
        File.WriteAllText(inputPath, JsonSerializer.Serialize(input));
        try
        {
            var start = new ProcessStartInfo("python3", [scriptPath, inputPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"python3 is needed for this oracle test (pip is the judge) but could not be started: {e.Message}");
                throw;
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"the pip oracle failed (is pip installed for python3?): {stderr.Result}");
                return JsonSerializer.Deserialize<T>(stdout)!;
            }
        }
        finally
        {
            File.Delete(inputPath);
        }
    }
}
