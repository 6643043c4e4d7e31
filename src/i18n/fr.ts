// Printed labels and messages of a French course.
export const fr = {
  labels: {
    studentEdition: 'Édition apprenant',
    trainerEdition: 'Édition formateur',
    trainerMark: 'Corrigé — réservé au formateur',
    contents: 'Sommaire',
    pageOf: 'page {page} / {total}',
    caseTitle: 'Cas {number} — {sector} {organisation} : {goal}',
    caseShort: 'Cas {number} — {organisation}',
    keyFigures: 'Chiffres clés',
    tags: 'Thèmes',
    group: 'Groupe',
    groupName: 'Groupe {n}',
    date: 'Date',
    evaluator: 'Évaluateur',
    criterion: 'Critère',
    points: 'Points',
    score: 'Note',
    comments: 'Commentaires',
    total: 'Total',
    indicators: 'À vérifier',
    evaluationGrid: 'Grille d’évaluation',
    diagramTemplate: 'Gabarit de schéma',
    diagramTemplateHint: 'Dessinez ici le schéma de votre groupe.',
    answers: 'Vos réponses',
    restitutionSheet: 'Fiche de restitution',
    minutesPerGroup: '{minutes} min par groupe',
    notes: 'Notes',
    runSheet: 'Déroulé de la séance',
    timeline: 'Minutage',
    start: 'Début',
    activity: 'Activité',
    duration: 'Durée',
    assignments: 'Répartition des cas',
    caseToAssign: 'Cas\u202F: ____________________',
    material: 'Matériel à imprimer',
    copies: 'Exemplaires',
    copiesPerGroup: '{n} par groupe',
    copiesTotal: '{n} au total',
    copiesEachFile: '1 de chaque fichier ({n} feuilles)',
    handoutPlain: 'Énoncé du cas',
    handout: 'Énoncé du cas (avec gabarit de schéma)',
    studentPack: 'Pack apprenant complet (cadre, cas, checklist)',
    gridSheet: 'Grille d’évaluation (formateur)',
    alerts: { note: 'Remarque', tip: 'Conseil', important: 'Important', warning: 'Attention', caution: 'Prudence' },
    figure: 'Figure {n}.',
    footnotes: 'Notes',
    trainerNote: 'Note formateur',
    solution: 'Correction',
    frame: 'Cadre de l’atelier',
    durationLine: '**{label}** : {duration} ({segments})',
    minutesShort: '{n}’',
    durationMinutes: '{m} min',
    durationHours: '{h}h',
    durationHoursMinutes: '{h}h{mm}',
    segment: '{minutes}’ {label}',
    rubricHeading: '{label} ({total} pts)',
    criterionLine: '{label} ({points})',
    listLabel: '**{label}** :',
    files: { studentPack: 'pack-apprenant', trainerPack: 'pack-formateur', restitution: 'fiches-restitution', casePrefix: 'cas' },
    locale: 'fr-FR',
    colon: '\u202F:',
  },
  messages: {
    emptyFile: 'le fichier est vide.',
    unreadableFile: 'fichier introuvable ou illisible.',
    noContentDir: 'dossier de contenu introuvable.',
    noCases: 'aucun cas trouvé : ajoutez des fichiers .md dans le dossier cases/.',
    decodedWindows1252:
      'le fichier n’est pas enregistré en UTF-8 ; il a été lu comme Windows-1252. Réenregistrez-le en UTF-8 pour éviter les caractères mal lus.',
    yamlSyntax: 'YAML invalide : {reason}',
    noFrontMatter: 'le cas doit commencer par ses métadonnées entre deux lignes « --- ».',
    unclosedFrontMatter: 'les métadonnées du cas ne sont pas fermées par une ligne « --- ».',
    unknownKey: 'clé inconnue « {key} »{hint}.',
    unknownKeyHint: ' (vouliez-vous dire « {suggestion} » ?)',
    allowedKeys: ' Clés possibles : {keys}.',
    missingKey: 'clé obligatoire « {key} » manquante.',
    wrongType: '« {key} » doit être {expected}.',
    tooSmall: '« {key} » doit contenir au moins {minimum} élément(s).',
    badValue: '« {key} » : valeur invalide ({reason}).',
    types: {
      string: 'un texte',
      number: 'un nombre',
      boolean: 'vrai ou faux',
      array: 'une liste',
      object: 'un ensemble de clés',
      integer: 'un nombre entier',
    } as Record<string, string>,
    duplicateCaseId: 'l’identifiant de cas « {id} » est déjà utilisé par {other}.',
    duplicateCaseNumber: 'le numéro de cas {number} est déjà utilisé par {other}.',
    rubricTotal: 'les points du barème font {sum}, mais le total déclaré est {total}.',
    timingTotal: 'les séquences durent {sum} min, mais la durée déclarée est {total} min.',
    unknownCriterion: 'l’indicateur « {id} » ne correspond à aucun critère du barème ({known}).',
    unknownGroupCase: 'le groupe « {group} » est affecté au cas « {id} », qui n’existe pas ({known}).',
    noStatement: 'le cas n’a pas d’énoncé : ajoutez une section « ## Énoncé ».',
    noSolution: 'le cas n’a pas de correction : ajoutez un bloc « :::solution » … « ::: ».',
    twoSolutions: 'le cas a plusieurs blocs « :::solution » ; un seul est attendu.',
    unclosedBlock: 'le bloc « :::{name} » n’est pas fermé : ajoutez une ligne « ::: » à sa fin.',
    unknownBlock: 'bloc « :::{name} » inconnu ; les blocs possibles sont « :::solution » et « :::trainer ».',
    nestedSolution: 'un bloc « :::solution » ne peut pas être placé dans un autre bloc.',
    sameFenceNesting: 'le bloc « :::{inner} » placé dans « :::{outer} » a autant de deux-points que le bloc qui l’entoure : sa ligne de fin fermerait les deux. Entourez d’un « ::::{outer} » … « :::: » un {outer} qui contient un « :::{inner} ».',
    strayFence: 'la ligne « {fence} » n’ouvre ni ne ferme aucun bloc ; supprimez-la, ou entourez le bloc extérieur de plus de deux-points (« ::::solution » … « :::: »).',
    literalDirective: '« {text} » est dans {where}, où ce n’est pas une directive : il sera imprimé tel quel, dans l’édition apprenant aussi.',
    literalPlaces: { code: 'un bloc de code', inlineCode: 'du code en ligne', title: 'le titre d’un lien ou d’une image', url: 'l’adresse d’un lien', alt: 'le texte d’une image' },
    trainerFootnote: 'la note « [^{label}] » est écrite dans un bloc réservé au formateur mais appelée depuis l’énoncé : sortez sa définition du bloc.',
    brokenLink: 'le lien « {url} » ne mène nulle part : {reason}.',
    outsideCourse: 'le chemin « {url} » sort du dossier du cours : seuls les fichiers de ce dossier sont lus (liens symboliques compris).',
    unreadableImage: 'l’image « {url} » n’a pas pu être lue ({reason}).',
    fileTooLarge: 'le fichier fait {size} Mo ; casebook lit au plus {limit} Mo par fichier : découpez-le en plusieurs cas.',
    tooManyCases: '{count} cas trouvés ; un cours en compte au plus {limit} : répartissez-les en plusieurs cours.',
    tooDeep: 'listes ou citations imbriquées sur plus de {limit} niveaux : réduisez l’imbrication.',
    tooManyColumns: 'le tableau a {count} colonnes ; la limite est {limit}.',
    diagramTooLarge: 'le schéma Mermaid est trop grand ({count} {unit}, limite {limit}) : découpez-le en plusieurs schémas.',
    diagramUnits: { lines: 'lignes', chars: 'caractères', edges: 'liens' } as Record<string, string>,
    yamlAliases: 'YAML refusé : ses alias (« *nom ») se développent en trop de valeurs ; écrivez ces valeurs sans alias.',
    parserFailed: 'le fichier n’a pas pu être lu jusqu’au bout ({reason}).',
    missingTarget: 'aucun titre ni fichier ne correspond',
    remoteResource: 'les images distantes ne sont pas imprimées ; enregistrez l’image dans le dossier du cours',
    preformattedTooSmall: 'ce bloc de texte préformaté a {columns} colonnes : même sur une page paysage il s’imprime en {size} pt, trop petit pour être lu ; coupez ses lignes.',
    rawHtml: 'le HTML brut n’est pas imprimé (« {html} ») ; écrivez-le en Markdown.',
    diagramTooSmall: 'même sur une page paysage, ce schéma imprime son plus petit texte en {size} pt, trop petit pour être lu ; découpez-le ou raccourcissez ses libellés.',
    diagramSyntax: 'schéma Mermaid invalide : {reason}',
    formulaSyntax: 'formule invalide « {formula} » ; KaTeX : {reason}',
    noStatementItem: 'l’énoncé n’a pas d’élément « **{item}** : … » ; la case « {box} » du gabarit de schéma sera vide.',
    diagramColumnsAndLayers: 'le gabarit de schéma a des colonnes (columns) ou des couches (layers), pas les deux.',
    root: '(racine)',
    idFormat: 'lettres minuscules, chiffres et tirets',
    langFormat: 'un code de langue comme fr ou en',
    diagramNear: 'près de « {near} » ({expected})',
    leak: 'contenu réservé au formateur trouvé dans un fichier apprenant ({file}) : « {text} ».',
  },
  workflow: {
    upToDate: 'Rien n’a changé depuis la dernière construction : {dir} est à jour ({files} fichiers).',
    warning: 'Attention : {problem}',
    checkOk: 'Contenu valide : {cases} cas, {diagrams} schéma(s) Mermaid vérifié(s), aucun PDF imprimé.',
    devServing: 'Aperçu sur {url} — Ctrl-C pour arrêter.',
    devChanged: '{file} modifié : reconstruction…',
    devBuilt: 'Construit en {seconds} s.',
    devFailed: 'La construction a échoué ; l’aperçu garde la dernière version réussie.',
    devStopped: 'Aperçu arrêté.',
    devTitle: 'Aperçu',
    devErrorTitle: 'Erreur de construction',
    devNothingYet: 'Rien n’a encore été construit.',
    caseCreated: 'Cas créé : {file}. Complétez-le, puis vérifiez-le avec « npm run check ».',
    caseFileExists: 'le fichier existe déjà.',
    scaffold: {
      statement: 'Énoncé',
      context: 'Contexte',
      needs: 'Besoins',
      constraints: 'Contraintes',
      expected: 'Attendus',
      todo: 'À préciser',
      solution: 'Correction (proposition de référence)',
      diagram: 'Schéma',
      step: 'Étape {n}',
      keyChoices: 'Choix clés',
      pitfalls: 'Points d’attention',
    },
  },
  // After the workshop: answer key, grades, feedback, class summary.
  grading: {
    answerKey: 'Corrigé de l’atelier',
    feedback: 'Retour d’évaluation',
    classSummary: 'Synthèse de la classe',
    scoresSheet: 'Feuille de notes',
    case: 'Cas',
    member: 'Membre',
    comment: 'Commentaire',
    generalComment: 'Commentaire général',
    status: 'Statut',
    complete: 'complet',
    incomplete: 'incomplet',
    mean: 'Moyenne',
    range: 'Étendue',
    outOf: '{points} / {max}',
    notGraded: '—',
    groupsGraded: '{n} groupe(s) noté(s), {incomplete} incomplet(s)',
    chartTitle: '{criterion} (sur {max})',
    files: { answerKey: 'corrige', scoresSheet: 'feuille-de-notes', results: 'resultats', summary: 'synthese-classe', feedback: 'retour' },
    messages: {
      at: 'colonne « {column} »',
      atField: 'page {page}, champ « {field} »',
      notANumber: '{at} : « {value} » n’est pas un nombre de points.',
      negative: '{at} : {value} points, une note ne peut pas être négative.',
      tooHigh: '{at} : {value} points sur « {criterion} », noté sur {max}.',
      notHalf: '{at} : {value} points ; seuls les points entiers ou les demi-points sont acceptés (par ex. 2,5).',
      unknownGroup: 'le groupe « {group} » n’existe pas dans le cours ({known}).',
      unknownCase: 'le cas « {case} » n’existe pas dans le cours ({known}).',
      groupNotOnCase: 'le groupe « {group} » ne travaille pas sur le cas « {case} ».',
      missingGroup: 'la ligne ne nomme pas de groupe (colonne « {column} »).',
      missingCase: 'la ligne ne nomme pas de cas (colonne « {column} »).',
      missingColumn: 'il manque la colonne « {column} » (colonnes attendues : {expected}).',
      duplicate: 'le groupe « {group} » est déjà noté pour le cas « {case} » dans {other}.',
      incomplete: 'notes incomplètes pour le groupe « {group} », cas « {case} » : il manque {missing} ; ses résultats portent la mention « incomplet ».',
      badCsv: 'fichier CSV illisible : {reason}.',
      notGraded: 'aucune note pour : {pairs}.',
      fieldRange: '« {criterion} » : entrez un nombre de points de 0 à {max}, par points ou demi-points (par ex. 2,5).',
      extraCells: 'la ligne a {count} colonnes, l’en-tête {columns} : un commentaire qui contient le séparateur doit être entre guillemets.',
      unreadablePdf: 'ce PDF ne peut pas être lu : {reason}.',
      noFields: 'ce PDF n’a aucun champ de grille casebook (imprimez les grilles avec casebook et remplissez-les).',
      unknownField: 'le champ « {field} » ne correspond à aucun critère du barème.',
      ignoredFile: 'fichier ignoré : seuls les fichiers .csv et .pdf sont lus.',
      quotesSolution: 'le commentaire {at} cite le contenu réservé au formateur (« {text} ») : il figurera tel quel dans la fiche de retour du groupe.',
      written: '{feedback} fiche(s) de retour, la synthèse et les résultats écrits dans {dir}/.',
      nothing: 'aucune note dans {dir}/ : copiez-y la feuille de notes de dist/grids/ ou les grilles PDF remplies.',
    },
  },
  cli: {
    usage: {
      build: `Usage : npm run build:pdf -- [--content DIR] [--out DIR] [--grades DIR] [--no-cache] [--quiet] [--debug]

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    notes des groupes (feuilles de notes CSV, grilles PDF remplies) ; par défaut grades/ à côté du cours
  --out DIR       dossier de sortie ; par défaut dist
  --no-cache      redessine et réimprime tout
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`,
      check: `Usage : npm run check -- [--content DIR] [--grades DIR] [--quiet] [--debug]

  Vérifie tout le cours (métadonnées, Markdown, liens, schémas Mermaid) sans imprimer de PDF.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    dossier des notes, vérifiées aussi ; par défaut grades/ à côté du cours
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`,
      dev: `Usage : npm run dev -- [--content DIR] [--out DIR] [--port PORT] [--no-cache] [--debug]

  Construit le cours, le sert sur http://localhost:PORT (éditions HTML et PDF), puis le
  reconstruit et recharge la page à chaque modification du contenu, des modèles ou des styles.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --out DIR       dossier de sortie ; par défaut dist
  --port PORT     port du serveur local ; par défaut 4173 (0 : un port libre)
  --no-cache      redessine et réimprime tout à chaque construction
  --debug         affiche le détail technique des erreurs`,
      grade: `Usage : npm run grade -- [--content DIR] [--grades DIR] [--out DIR] [--no-cache] [--quiet] [--debug]

  Lit les notes (feuilles de notes CSV, grilles PDF remplies) et écrit seulement DIR/results/ :
  une fiche de retour par groupe et par cas, la synthèse de la classe et les résultats en CSV.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    notes des groupes (feuilles de notes CSV, grilles PDF remplies) ; par défaut grades/ à côté du cours
  --out DIR       dossier de sortie ; par défaut dist
  --no-cache      redessine et réimprime tout
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`,
      newCase: `Usage : npm run new:case -- "Nom du cas" [--content DIR]

  Crée le cas suivant dans cases/ (numéro et nom), prêt à compléter, à partir du
  gabarit du cours (templates/case.md) s’il en a un.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content`,
      import: `Usage : npm run import -- FICHIER.md --content DOSSIER [--force] [--quiet]

  Lit un atelier écrit d’un seul tenant en Markdown (titre, modalités, cas avec énoncé et
  correction, restitution, checklist) et écrit le dossier de cours : course.yaml et cases/.

  --content DOSSIER  dossier à créer (obligatoire) ; il doit être vide ou absent
  --force            remplace course.yaml et cases/*.md d’un dossier qui n’est pas vide
  --quiet            n’affiche que les erreurs`,
    },
    unknownOption: 'option inconnue : {option}',
    missingValue: 'l’option {option} attend une valeur',
    badOption: 'ligne de commande invalide : {reason}',
    unexpectedArgument: 'argument inattendu : {args}',
    badEpoch: 'SOURCE_DATE_EPOCH doit être un nombre de secondes (reçu « {value} »).',
    badPort: '--port attend un numéro de port entre 0 et 65535 (reçu « {value} »).',
    portInUse: 'Le port {port} est déjà utilisé : choisissez-en un autre avec --port.',
    noCaseName: 'Indiquez le nom du cas.',
    noImportFile: 'Indiquez le fichier à importer.',
    noImportContent: 'Indiquez le dossier du cours à écrire avec --content DOSSIER (jamais content/ par défaut).',
    unusableCaseName: 'Le nom « {name} » ne contient aucune lettre ni chiffre utilisable dans un identifiant.',
    stopping: 'Arrêt demandé ({signal}) : la sortie précédente est conservée.',
    interrupted: 'Construction interrompue : rien n’a été écrit.',
    contentError: 'Erreur dans le contenu :',
    contentErrors: 'Erreurs dans le contenu :',
    nothingWritten: 'Rien n’a été écrit : la sortie précédente est conservée.',
    unexpected: 'Erreur inattendue : {reason}\nC’est un défaut de casebook, pas de votre contenu : signalez-le avec la commande lancée, ce message et la sortie de --debug.',
    rerunWithDebug: 'Relancez avec --debug pour le détail.',
    stage: '· {stage} ({seconds})',
    stageDone: '✓ {stage} ({seconds})',
    stages: {
      load: 'lecture',
      validate: 'métadonnées',
      parse: 'cas',
      edition: 'éditions',
      render: 'mise en page',
      diagrams: 'schémas',
      print: 'impression',
      verify: 'vérification',
      write: 'écriture',
      grades: 'notes',
    } as Record<string, string>,
    printed: '  {done}/{total} {path}',
    fromCache: ' (déjà imprimé)',
    written: '{count} fichiers écrits dans {dir} en {seconds} :',
    seconds: '{n} s',
    pages: '{n} p.',
    kilobytes: '{n} Ko',
    megabytes: '{n} Mo',
  },
  errors: {
    noBrowser: [
      'Aucun navigateur Chromium/Chrome trouvé pour imprimer les PDF. Au choix :',
      '  • npx puppeteer browsers install chrome-headless-shell   (télécharge le navigateur de Puppeteer)',
      '  • Debian/Ubuntu : sudo apt-get install chromium ; macOS/Windows : installez Google Chrome',
      '  • ou indiquez un navigateur existant : PUPPETEER_EXECUTABLE_PATH=/chemin/vers/chrome npm run build:pdf',
    ].join('\n'),
    browserPathMissing: 'PUPPETEER_EXECUTABLE_PATH désigne « {path} », qui n’existe pas.',
    browserFailed: 'Le navigateur « {path} » n’a pas pu démarrer : {reason}\nVérifiez qu’il s’ouvre, ou indiquez-en un autre avec PUPPETEER_EXECUTABLE_PATH.',
    browserClosed: 'Le navigateur a déjà été fermé.',
    browserClosedEarly: 'Le navigateur a été fermé avant d’avoir démarré.',
    printFailedTwice: 'L’impression a échoué deux fois : {reason}',
    outputBusy: 'une autre construction (processus {pid}) écrit déjà dans ce dossier ; attendez qu’elle se termine.',
    outputLocked: 'impossible de verrouiller le dossier de sortie.',
    pdfUnreadable: 'PDF illisible : {reason}',
    pdfReaderStopped: 'le lecteur de PDF s’est arrêté (code {code})',
  },
};

export type Dictionary = typeof fr;
