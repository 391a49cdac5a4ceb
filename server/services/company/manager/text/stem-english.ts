import "server-only";

/**
 * The Snowball English ("Porter2") stemmer, the one Postgres' `english`
 * text-search configuration applies, so the manager's in-memory matching
 * reduces words to the same lexemes the registry's search vectors hold
 * ("drafting" and "drafts" -> "draft", "numbers" -> "number"). Written from
 * the published algorithm (snowballstem.org/algorithms/english); a test
 * compares it with Postgres' own `to_tsvector('english', …)` word by word.
 */

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);
const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
const LI_ENDINGS = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
/** Postgres ships the Snowball version with these three (later ones add "past", "univers", "later", …). */
const REGION_PREFIXES = ["gener", "commun", "arsen"];

const EXCEPTIONS = new Map(
  Object.entries({
    skis: "ski",
    skies: "sky",
    dying: "die",
    lying: "lie",
    tying: "tie",
    idly: "idl",
    gently: "gentl",
    ugly: "ugli",
    early: "earli",
    only: "onli",
    singly: "singl",
    sky: "sky",
    news: "news",
    howe: "howe",
    atlas: "atlas",
    cosmos: "cosmos",
    bias: "bias",
    andes: "andes",
  }),
);
const AFTER_STEP_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);

/** Where the region after the first non-vowel following a vowel starts, from `from`. */
function regionStart(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  return w.length;
}

/** Whether w[0..end) ends in a short syllable. */
function endsShort(w: string, end: number): boolean {
  if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (end < 3) return false;
  const [a, b, c] = [w[end - 3], w[end - 2], w[end - 1]!];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
}

/** The longest of `suffixes` the word ends with. */
function longest(w: string, suffixes: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const s of suffixes) if (w.endsWith(s) && (!found || s.length > found.length)) found = s;
  return found;
}

function step1a(w: string): string {
  const apostrophe = longest(w, ["'", "'s", "'s'"]);
  if (apostrophe) w = w.slice(0, -apostrophe.length);
  const suffix = longest(w, ["sses", "ied", "ies", "s", "us", "ss"]);
  if (suffix === "sses") return w.slice(0, -2);
  if (suffix === "ied" || suffix === "ies") return w.length - 3 > 1 ? w.slice(0, -2) : w.slice(0, -1);
  if (suffix === "s") {
    const before = w.slice(0, -2);
    if ([...before].some(isVowel)) return w.slice(0, -1);
  }
  return w;
}

function step1b(w: string, r1: number): string {
  const suffix = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
  if (!suffix) return w;
  if (suffix === "eed" || suffix === "eedly") {
    return w.length - suffix.length >= r1 ? w.slice(0, -suffix.length) + "ee" : w;
  }
  const stem = w.slice(0, -suffix.length);
  if (![...stem].some(isVowel)) return w;
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) return stem + "e";
  if (DOUBLES.has(stem.slice(-2))) return stem.slice(0, -1);
  if (stem.length <= r1 && endsShort(stem, stem.length)) return stem + "e";
  return stem;
}

function step1c(w: string): string {
  const last = w[w.length - 1];
  if ((last === "y" || last === "Y") && w.length > 2 && !isVowel(w[w.length - 2])) return w.slice(0, -1) + "i";
  return w;
}

const STEP_2: [string, string][] = [
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["entli", "ent"],
  ["izer", "ize"],
  ["ization", "ize"],
  ["ational", "ate"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["alli", "al"],
  ["fulness", "ful"],
  ["ousli", "ous"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["fulli", "ful"],
  ["lessli", "less"],
  ["li", ""],
];
const STEP_2_MAP = new Map(STEP_2);

function step2(w: string, r1: number): string {
  const suffix = longest(w, [...STEP_2_MAP.keys()]);
  if (!suffix || w.length - suffix.length < r1) return w;
  const stem = w.slice(0, -suffix.length);
  if (suffix === "ogi" && !stem.endsWith("l")) return w;
  if (suffix === "li" && !LI_ENDINGS.has(stem[stem.length - 1] ?? "")) return w;
  return stem + STEP_2_MAP.get(suffix)!;
}

const STEP_3 = new Map([
  ["tional", "tion"],
  ["ational", "ate"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
  ["ative", ""],
]);

function step3(w: string, r1: number, r2: number): string {
  const suffix = longest(w, [...STEP_3.keys()]);
  if (!suffix || w.length - suffix.length < r1) return w;
  if (suffix === "ative" && w.length - suffix.length < r2) return w;
  return w.slice(0, -suffix.length) + STEP_3.get(suffix)!;
}

const STEP_4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
];

function step4(w: string, r2: number): string {
  const suffix = longest(w, STEP_4);
  if (!suffix || w.length - suffix.length < r2) return w;
  const stem = w.slice(0, -suffix.length);
  if (suffix === "ion" && !stem.endsWith("s") && !stem.endsWith("t")) return w;
  return stem;
}

function step5(w: string, r1: number, r2: number): string {
  const last = w[w.length - 1];
  const at = w.length - 1;
  if (last === "e" && (at >= r2 || (at >= r1 && !endsShort(w, at)))) return w.slice(0, -1);
  if (last === "l" && at >= r2 && w[at - 1] === "l") return w.slice(0, -1);
  return w;
}

/** The stem of one lower-case word. */
export function stemEnglish(word: string): string {
  const exception = EXCEPTIONS.get(word);
  if (exception) return exception;
  if (word.length < 3) return word;
  let w = word.startsWith("'") ? word.slice(1) : word;
  // A y starting the word or following a vowel is a consonant: mark it Y (a marked Y is no vowel).
  let marked = "";
  for (const c of w) marked += c === "y" && (marked === "" || isVowel(marked[marked.length - 1])) ? "Y" : c;
  w = marked;
  const prefix = REGION_PREFIXES.find((p) => w.startsWith(p));
  const r1 = prefix ? prefix.length : regionStart(w, 0);
  const r2 = regionStart(w, r1);
  w = step1a(w);
  if (!AFTER_STEP_1A.has(w)) {
    w = step1b(w, r1);
    w = step1c(w);
    w = step2(w, r1);
    w = step3(w, r1, r2);
    w = step4(w, r2);
    w = step5(w, r1, r2);
  }
  return w.replaceAll("Y", "y");
}
