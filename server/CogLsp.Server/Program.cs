using CogLsp.Server.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
