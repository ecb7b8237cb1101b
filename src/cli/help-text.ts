/** The text of `essaylint --help`: a module of its own, so that printing it loads nothing else (src/cli/start.ts). */

export const helpText = `Usage: essaylint [options] [files, folders, globs or - ...]
       essaylint outline [--format text|json] [files ...]
       essaylint grade [--format text|json|markdown|csv|html] [--rubric <file>] [--min-score <n>]
                       [--annotate <folder>] [--shard i/n] [files, folders or class zips ...]
       essaylint grade --merge [--format text|json|markdown|csv] shard-1.json shard-2.json ...
       essaylint annotate [-o <copy.docx>] [--grade] essay.docx

Lint argumentative essays: Markdown, plain text, Word (.docx), OpenDocument
(.odt), PDF and web pages (.html). With no path and piped input, reads stdin.

Options:
  -f, --format <name>        stylish (default), json, sarif, github, compact, unix,
                             junit, checkstyle, or a formatter module (./formatter.mjs)
  -c, --config <path>        use this config file instead of looking for one
      --no-config            use no config file (the recommended preset)
      --print-config <file>  print the config used for this essay (JSON) and exit
      --init                 write a commented .essaylintrc.json (--yes: the defaults, no questions)
      --ext <list>           extensions to lint in folders, e.g. .md,.txt (default .md,.markdown,.mdx,.txt)
      --ignore-path <file>   ignore file to use instead of .essaylintignore
      --ignore-pattern <pat> skip files matching this gitignore pattern (repeatable)
      --cache                lint only essays changed since the last run (cache: .essaylintcache)
      --cache-location <p>   where the cache is kept
      --watch                lint again whenever an essay or a config changes
      --rule <id>=<severity> set a rule's severity: off, info, warn or error (repeatable)
      --max-warnings <n>     exit 1 when there are more than n warnings
      --quiet                report errors only
  -o, --output <file>        write the report to a file instead of stdout
      --stdin-filename <name> name (and type, by extension) of the essay read from stdin
      --list-rules           list the rules and exit
      --color, --no-color    force or disable colour
      --concurrency <n|auto> worker processes for many essays (default auto: one per core)
      --max-file-size <size> refuse essays larger than this, e.g. 5MB or 800kB (default 2MB)
      --print-text <file>    print the text essaylint lints for a file (for a Word file, PDF
                             or web page, the text it extracted: report lines refer to it)
  -v, --version              print the version
  -h, --help                 print this help

The outline command prints each essay's argument: its thesis, each paragraph's
claims with what supports them (✔/✘), and the coverage of perspectives,
sovereignty and ethics (absent, named, applied).

The grade command scores each essay out of 100 against a rubric (thesis, claims
supported, perspectives, sovereignty, ethics, evidence quality) and explains
every point, then sums up the class (count, mean, median, range, standard
deviation); --min-score exits 1 when an essay scores below it. --format html
-o report.html writes one self-contained page: class statistics, a histogram,
a heatmap of criteria, a sortable table and each essay with its highlights.
--annotate <folder> also writes, for each Word essay (.docx), the copy that
"essaylint annotate --grade" makes into that folder: <name>.essaylint.docx, named
by student for an essay from a class zip; other formats are graded, not annotated.
--shard i/n grades every n-th listed essay in path order, starting with the
i-th (one CI job each); --merge reads the shards' --format json reports and
writes the class's report in any format but html, as one run would have.

The annotate command writes a copy of a Word file (essay.essaylint.docx, or -o)
with each finding as a comment on its sentence, and the essay-level findings
(and, with --grade, the score) on the title. The original is never changed.

Formats for linting also include sarif (SARIF 2.1.0) and github (workflow
command annotations).

A file whose name starts with "-" is read as an option: put "--" before the
files, and everything after it is a file (essaylint -- -draft.md).

Exit codes: 0 no errors; 1 lint errors (or too many warnings); 2 usage, config or input errors.
`
