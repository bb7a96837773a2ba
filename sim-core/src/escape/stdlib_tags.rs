//! Parameter summaries of the supported standard-library functions.
//!
//! Each entry is what Go 1.27.3 records for the function's parameters
//! (receiver first), written in [`Leaks::to_text`] form. The entries are
//! derived from the real compiler by `scripts/derive-stdlib-tags`, and the
//! test below checks each one against the recorded probe output in
//! `sim-core/tests/stdlib_tags/`.

use super::leaks::Leaks;

/// `(gc name, one leak set per parameter, receiver first)`.
pub const TABLE: &[(&str, &[&str])] = &[
    ("errors.New", &["heap=0"]),
    ("errors.Is", &["heap=0", "heap=0"]),
    ("errors.As", &["heap=0", "heap=0"]),
    ("errors.Unwrap", &["heap=0"]),
    ("errors.Join", &["heap=1"]),
    ("fmt.Print", &["heap=1"]),
    ("fmt.Println", &["heap=1"]),
    ("fmt.Printf", &["none", "heap=1"]),
    ("fmt.Sprint", &["heap=1"]),
    ("fmt.Sprintln", &["heap=1"]),
    ("fmt.Sprintf", &["none", "heap=1"]),
    ("fmt.Errorf", &["heap=0", "heap=1"]),
    ("fmt.Fprint", &["heap=0", "heap=1"]),
    ("fmt.Fprintln", &["heap=0", "heap=1"]),
    ("fmt.Fprintf", &["heap=0", "none", "heap=1"]),
    ("math.Sqrt", &["none"]),
    ("math.Abs", &["none"]),
    ("math.Max", &["none", "none"]),
    ("math.Min", &["none", "none"]),
    ("math.Floor", &["none"]),
    ("math.Ceil", &["none"]),
    ("math.Round", &["none"]),
    ("math.Trunc", &["none"]),
    ("math.Pow", &["none", "none"]),
    ("math.Mod", &["none", "none"]),
    ("math.Log", &["none"]),
    ("math.Exp", &["none"]),
    ("math.Sin", &["none"]),
    ("math.Cos", &["none"]),
    ("math.Hypot", &["none", "none"]),
    ("math.Inf", &["none"]),
    ("math.IsNaN", &["none"]),
    ("math.NaN", &[]),
    ("(*os.File).Write", &["heap=1", "mutator=0"]),
    ("(*os.File).WriteString", &["heap=1", "mutator=0"]),
    ("os.Exit", &["none"]),
    ("os.Environ", &[]),
    ("os.Open", &["heap=0"]),
    ("(*os.File).Close", &["none"]),
    ("(*os.File).Name", &["r0=2"]),
    ("sort.Slice", &["heap=0", "none"]),
    ("sort.SliceStable", &["heap=0", "none"]),
    ("sort.Ints", &["mutator=0"]),
    ("sort.Strings", &["mutator=0"]),
    ("sort.Float64s", &["mutator=0"]),
    ("sort.Search", &["none", "none"]),
    ("sort.SearchInts", &["none", "none"]),
    ("sort.IntsAreSorted", &["none"]),
    ("sort.Sort", &["heap=0"]),
    ("sort.Stable", &["heap=0"]),
    ("sort.Reverse", &["heap=0"]),
    ("sort.IntSlice.Len", &["none"]),
    ("sort.IntSlice.Less", &["none", "none", "none"]),
    ("sort.IntSlice.Swap", &["mutator=0", "none", "none"]),
    ("sort.StringSlice.Len", &["none"]),
    ("sort.StringSlice.Less", &["none", "none", "none"]),
    ("sort.StringSlice.Swap", &["mutator=0", "none", "none"]),
    ("strconv.Itoa", &["none"]),
    ("strconv.Atoi", &["none"]),
    ("strconv.FormatInt", &["none", "none"]),
    ("strconv.ParseInt", &["none", "none", "none"]),
    ("strconv.ParseFloat", &["none", "none"]),
    ("strconv.FormatFloat", &["none", "none", "none", "none"]),
    ("strconv.ParseBool", &["none"]),
    ("strconv.FormatBool", &["none"]),
    ("strconv.Quote", &["none"]),
    ("strconv.AppendInt", &["r0=0 mutator=0", "none", "none"]),
    ("(*strconv.NumError).Error", &["heap=1"]),
    ("(*strconv.NumError).Unwrap", &["r0=1"]),
    (
        "(*strings.Builder).WriteString",
        &["heap=1 mutator=0", "none"],
    ),
    (
        "(*strings.Builder).WriteByte",
        &["heap=1 mutator=0", "none"],
    ),
    (
        "(*strings.Builder).WriteRune",
        &["heap=1 mutator=0", "none"],
    ),
    ("(*strings.Builder).Write", &["heap=1 mutator=0", "none"]),
    ("(*strings.Builder).String", &["r0=1"]),
    ("(*strings.Builder).Len", &["none"]),
    ("(*strings.Builder).Cap", &["none"]),
    ("(*strings.Builder).Reset", &["mutator=0"]),
    ("(*strings.Builder).Grow", &["mutator=0", "none"]),
    ("strings.Join", &["r0=1", "none"]),
    ("strings.Repeat", &["r0=0", "none"]),
    ("strings.ToUpper", &["r0=0"]),
    ("strings.ToLower", &["r0=0"]),
    ("strings.Title", &["r0=0"]),
    ("strings.Split", &["heap=0", "mutator=0 callee=0"]),
    ("strings.Fields", &["heap=0"]),
    (
        "strings.Contains",
        &["mutator=0 callee=0", "mutator=0 callee=0"],
    ),
    ("strings.ContainsRune", &["mutator=0 callee=0", "none"]),
    ("strings.HasPrefix", &["none", "none"]),
    ("strings.HasSuffix", &["none", "none"]),
    ("strings.TrimSpace", &["r0=0"]),
    ("strings.Trim", &["r0=0", "mutator=0 callee=0"]),
    ("strings.TrimPrefix", &["r0=0", "none"]),
    ("strings.TrimSuffix", &["r0=0", "none"]),
    (
        "strings.Index",
        &["mutator=0 callee=0", "mutator=0 callee=0"],
    ),
    (
        "strings.Count",
        &["mutator=0 callee=0", "mutator=0 callee=0"],
    ),
    (
        "strings.Replace",
        &[
            "r0=0 mutator=0 callee=0",
            "mutator=0 callee=0",
            "none",
            "none",
        ],
    ),
    (
        "strings.ReplaceAll",
        &["r0=0 mutator=0 callee=0", "mutator=0 callee=0", "none"],
    ),
    ("strings.EqualFold", &["none", "none"]),
    ("strings.TrimFunc", &["r0=0", "none"]),
    ("strings.Map", &["none", "r0=0"]),
    ("strings.SplitN", &["heap=0", "mutator=0 callee=0", "none"]),
    ("strings.SplitAfter", &["heap=0", "mutator=0 callee=0"]),
    (
        "strings.SplitAfterN",
        &["heap=0", "mutator=0 callee=0", "none"],
    ),
    ("strings.LastIndex", &["none", "none"]),
    ("strings.IndexByte", &["mutator=0 callee=0", "none"]),
    (
        "strings.Cut",
        &["r0=0 r1=0 mutator=0 callee=0", "mutator=0 callee=0"],
    ),
    ("strings.NewReplacer", &["heap=1"]),
    ("(*strings.Replacer).Replace", &["heap=0", "heap=0"]),
    ("(*sync.WaitGroup).Add", &["heap=0", "none"]),
    ("(*sync.WaitGroup).Done", &["heap=0"]),
    ("(*sync.WaitGroup).Wait", &["heap=0"]),
    ("(*sync.WaitGroup).Go", &["heap=0", "heap=0"]),
    ("(*sync.Mutex).Lock", &["heap=0"]),
    ("(*sync.Mutex).Unlock", &["heap=0"]),
    ("(*sync.Mutex).TryLock", &["mutator=0 callee=0"]),
    ("(*sync.RWMutex).Lock", &["heap=0"]),
    ("(*sync.RWMutex).Unlock", &["heap=0"]),
    ("(*sync.RWMutex).RLock", &["heap=0"]),
    ("(*sync.RWMutex).RUnlock", &["heap=0"]),
    ("(*sync.Once).Do", &["heap=0", "none"]),
    ("unicode.IsUpper", &["none"]),
    ("unicode.IsLower", &["none"]),
    ("unicode.IsDigit", &["none"]),
    ("unicode.IsLetter", &["none"]),
    ("unicode.IsSpace", &["none"]),
    ("unicode.IsPunct", &["none"]),
    ("unicode.ToUpper", &["none"]),
    ("unicode.ToLower", &["none"]),
    ("utf8.RuneCountInString", &["none"]),
    ("utf8.RuneCount", &["none"]),
    ("utf8.RuneLen", &["none"]),
    ("utf8.DecodeRuneInString", &["none"]),
    ("utf8.DecodeLastRuneInString", &["none"]),
    ("utf8.ValidString", &["none"]),
];

/// The summaries for `name` (gc's spelling), if the table has it.
pub fn lookup(name: &str) -> Option<Vec<Leaks>> {
    let name = super::print::short_pkg(name);
    TABLE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, params)| params.iter().map(|p| Leaks::from_text(p)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = include_str!("../../tests/stdlib_tags/recorded.txt");

    type Recorded = Vec<(String, Vec<String>, Vec<(String, Vec<String>)>)>;

    /// The recorded compiler messages: function → result names,
    /// parameters → messages.
    fn recorded() -> Recorded {
        let mut out: Recorded = Vec::new();
        for line in RECORDED.lines() {
            if let Some(name) = line.strip_prefix("func ") {
                out.push((name.to_string(), Vec::new(), Vec::new()));
            } else if let Some(r) = line.strip_prefix("  results ") {
                if let Some(f) = out.last_mut() {
                    f.1 = r.split_whitespace().map(str::to_string).collect();
                }
            } else if let Some(p) = line.strip_prefix("  param ") {
                if let Some(f) = out.last_mut() {
                    f.2.push((p.to_string(), Vec::new()));
                }
            } else if let Some(m) = line.strip_prefix("    ") {
                if let Some(p) = out.last_mut().and_then(|f| f.2.last_mut()) {
                    p.1.push(m.to_string());
                }
            }
        }
        out
    }

    /// Reads a parameter's leak set off the compiler's messages, the way
    /// the derivation script does.
    fn leaks_from_messages(p: &str, results: &[String], msgs: &[String]) -> Leaks {
        let mut l = Leaks::default();
        let mut content = false;
        let mut min_heap: Option<i32> = None;
        for m in msgs {
            if *m == format!("leaking param: {p}") {
                l.add_heap(0);
            } else if *m == format!("leaking param content: {p}") {
                content = true;
            } else if let Some(rest) = m.strip_prefix(&format!("leaking param: {p} to result ")) {
                if let Some((r, level)) = rest.split_once(" level=") {
                    let i = results
                        .iter()
                        .position(|n| n == r)
                        .or_else(|| r.strip_prefix("~r").and_then(|i| i.parse().ok()));
                    if let (Some(i), Ok(level)) = (i, level.parse()) {
                        l.add_result(i, level);
                    }
                }
            } else if let Some(d) = m.strip_prefix(&format!("mutates param: {p} derefs=")) {
                l.add_mutator(d.parse().unwrap_or(0));
            } else if let Some(d) = m.strip_prefix(&format!("calls param: {p} derefs=")) {
                l.add_callee(d.parse().unwrap_or(0));
            } else if let Some(rest) =
                m.strip_prefix(&format!("parameter {p} leaks to {{heap}} for "))
            {
                if let Some(d) = rest
                    .rsplit_once("with derefs=")
                    .map(|x| x.1.trim_end_matches(':'))
                {
                    if let Ok(d) = d.parse::<i32>() {
                        min_heap = Some(min_heap.map_or(d, |x: i32| x.min(d)));
                    }
                }
            }
        }
        if content && l.heap().is_none() {
            l.add_heap(min_heap.filter(|d| *d > 0).unwrap_or(1));
        }
        l
    }

    #[test]
    fn every_entry_matches_the_recorded_compiler_output() {
        let rec = recorded();
        assert!(!rec.is_empty(), "no recorded probe output");
        for (name, params) in TABLE {
            let Some((_, results, got)) = rec.iter().find(|(n, _, _)| n == name) else {
                panic!("{name}: not in the recorded output; rerun scripts/derive-stdlib-tags");
            };
            assert_eq!(got.len(), params.len(), "{name}: parameter count");
            for ((pname, msgs), text) in got.iter().zip(params.iter()) {
                assert_eq!(
                    leaks_from_messages(pname, results, msgs),
                    Leaks::from_text(text),
                    "{name}: parameter {pname}"
                );
            }
        }
    }

    #[test]
    fn every_recorded_function_is_in_the_table() {
        for (name, _, _) in recorded() {
            assert!(lookup(&name).is_some(), "{name} missing from TABLE");
        }
    }

    #[test]
    fn printing_functions_leak_their_arguments_content() {
        let println = lookup("fmt.Println").unwrap_or_default();
        assert_eq!(println.first().and_then(|l| l.heap()), Some(1));
    }
}
