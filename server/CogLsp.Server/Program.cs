using CogLsp.Server.Cli;

CogLsp.Server.StartupTrace.Mark("main");
return await CliApp.RunAsync(args).ConfigureAwait(false);
