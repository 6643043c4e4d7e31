// What `npm run import` recognises in a French document, and what it says.
export const importFr = {
  /** Words a heading (or a list item's bold label) starts with, by meaning; matched without case or accents. */
  headings: {
    case: ['cas', 'étude de cas', 'exercice', 'mise en situation', 'scénario', 'atelier'],
    statement: ['énoncé', 'sujet', 'consigne', 'consignes', 'contexte et besoins', 'situation'],
    solution: ['correction', 'corrigé', 'solution', 'proposition de référence', 'proposition de solution', 'éléments de réponse', 'réponse attendue'],
    frame: ['modalités', 'cadre', 'déroulement', 'organisation de l’atelier', 'organisation de la séance', 'règles du jeu', 'consignes générales'],
    restitution: ['modèle de restitution', 'restitution', 'soutenance', 'présentation des groupes', 'trame de présentation'],
    checklist: ['checklist', 'check-list', 'liste de contrôle', 'liste de vérification', 'points de contrôle'],
  },
  labels: {
    duration: ['durée', 'timing', 'temps', 'horaire', 'minutage'],
    deliverables: ['livrables', 'rendus', 'à rendre', 'productions attendues'],
    rubric: ['barème', 'grille d’évaluation', 'évaluation', 'notation', 'critères d’évaluation', 'critères'],
  },
  /** A restitution segment of the timing, whose minutes are shared out between the groups. */
  restitutionSegment: ['restitution', 'présentation', 'soutenance', 'passage'],
  /** Words of "20 pts", "sur 20", "4 points". */
  points: ['pts', 'pt', 'points', 'point'],
  outOf: ['sur'],
  /** How a line addressed to the reader, not the class, begins. */
  chat: ['voici', 'voilà', 'génial', 'super', 'parfait', 'bien sûr', 'avec plaisir', 'si tu veux', 'si vous voulez', 'si tu le souhaites', 'si vous le souhaitez', 'tu veux', 'vous voulez', 'veux-tu', 'voulez-vous', 'souhaites-tu', 'souhaitez-vous', 'je peux', 'je te', 'je vous', 'n’hésite', 'n’hésitez', 'dis-moi', 'dites-moi'],
  /** Frequent words, to guess the document's language. */
  common: ['le', 'la', 'les', 'des', 'une', 'est', 'et', 'pour', 'avec', 'dans', 'du', 'au', 'sur', 'par', 'en', 'ou', 'de', 'qui'],
  /** When a timing gives no segments, its one segment. */
  wholeSession: 'atelier',
  report: {
    notEmpty: 'le dossier n’est pas vide : choisissez un dossier vide ou ajoutez --force pour remplacer course.yaml et cases/.',
    noCase: 'aucun cas trouvé : chaque cas commence par un titre « Cas 1 — … » (ou Case, Exercice).',
    noStatement: 'le cas {number} n’a pas d’énoncé : rien avant sa correction.',
    noSolution: 'le cas {number} n’a pas de correction : ajoutez un titre « Correction » (ou Corrigé, Solution) avant la solution.',
    noTitle: 'aucun titre trouvé : le document doit commencer par un titre « # … ».',
    missing: 'aucune partie « {part} » trouvée (titres ou libellés reconnus : {words}).',
    rubricSum: 'les critères du barème font {sum} pts ({criteria}), mais le barème annonce {total}.',
    timingSum: 'les séquences durent {sum} min ({segments}), mais la durée annoncée est {total} min.',
    badDuration: 'durée illisible : « {text} » (attendu par exemple « 1h30 (45’ travail + 45’ restitution) » ou « 90 min »).',
    badCriterion: 'critère sans points : « {text} » (attendu par exemple « Pertinence (5) — … » ou « Pertinence — 5 pts »).',
    mapped: '{place} → {target}',
    chat: '{place} ligne adressée au lecteur, laissée de côté : « {text} »',
    separator: '{place} ligne de séparation laissée de côté',
    kept: '{place} non reconnu, gardé dans {target} : « {text} »',
    keptTrainer: '{place} non reconnu (après les cas, ou une correction hors d’un cas), gardé pour le formateur seul dans {target} : « {text} »',
    guessed: '{place} {what} : {value} (déduit)',
    language: 'langue du document : {lang} (déduite du texte)',
    written: 'Cours importé dans {dir} : course.yaml et {cases} cas. Construisez-le avec « npm run build:pdf -- --content {dir} ».',
    decisions: 'Décisions :',
  },
};

export type ImportWords = typeof importFr;
