/** `npm run playground`: the real Pacer in a local, fake Discord, shown in a browser on 127.0.0.1. */
import { ArgsError, parseArgs, USAGE } from './args.js';
import { startWebServer } from './http-server.js';
import { PlaygroundSession } from './session.js';

async function run(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ArgsError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const session = await PlaygroundSession.start({ ...(args.db ? { databasePath: args.db } : {}), logLevel: process.env.LOG_LEVEL ?? 'warn' });
  let web;
  try {
    web = await startWebServer(session, args.host, args.port);
  } catch (error) {
    await session.stop();
    const code = (error as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `Port ${args.port} is taken. Try: npm run playground -- --port ${args.port + 1}` : String(error));
    return 1;
  }
  console.log(`Pacer playground: ${web.url}`);
  console.log(`  Club "Riverside Runners", data in ${args.db ? session.databasePath : 'a throw-away file'}. Press Ctrl+C to stop.`);
  console.log('  Open the address above as printed: its key (new each run) keeps other web pages out of the playground.');
  const stop = () => {
    void web.close().then(() => session.stop()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

const code = await run();
if (code >= 0) process.exit(code);
