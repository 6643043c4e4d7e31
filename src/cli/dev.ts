import { runDev } from '../dev/dev-loop.js';
import { parsePort } from '../dev/port.js';
import { UsageError } from '../errors.js';
import { runCommand } from './args.js';

const usage = `Usage : npm run dev -- [--content DIR] [--out DIR] [--port PORT] [--no-cache] [--debug]

  Construit le cours, le sert sur http://localhost:PORT (éditions HTML et PDF), puis le
  reconstruit et recharge la page à chaque modification du contenu, des modèles ou des styles.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --out DIR       dossier de sortie ; par défaut dist
  --port PORT     port du serveur local ; par défaut 4173 (0 : un port libre)
  --no-cache      redessine et réimprime tout à chaque construction
  --debug         affiche le détail technique des erreurs`;

await runCommand(usage, { port: true }, async (args, signal) => {
  const port = parsePort(args.port, usage);
  await runDev({
    contentDir: args.contentDir,
    outDir: args.outDir,
    port,
    cache: args.cache,
    signal,
    say: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`Le port ${port} est déjà utilisé : choisissez-en un autre avec --port.`);
    throw error;
  });
});
