//! Lowering + type checking speed on a generated ~1,500-line program.
//!
//! Run with `cargo bench -p sim-core --bench check`. A plain harness (no
//! extra dependencies): it checks the program repeatedly and prints the
//! minimum, median and mean time per check, parse included.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One unit of the generated program: a struct type with methods, a
/// builder with a loop, a summary with range/map/switch/closure.
fn unit(i: usize) -> String {
    format!(
        r#"type Item{i} struct {{
	Name  string
	Count int
	Tags  []string
	next  *Item{i}
}}

func (it *Item{i}) Add(n int) int {{
	it.Count += n
	return it.Count
}}

func (it Item{i}) Label() string {{
	return fmt.Sprintf("%s-%d", it.Name, it.Count)
}}

func build{i}(n int) []*Item{i} {{
	items := make([]*Item{i}, 0, n)
	for j := 0; j < n; j++ {{
		it := &Item{i}{{Name: "item", Count: j}}
		it.Tags = append(it.Tags, strconv.Itoa(j))
		if j > 0 {{
			it.next = items[j-1]
		}}
		items = append(items, it)
	}}
	return items
}}

func sum{i}(items []*Item{i}) (total int) {{
	seen := map[string]bool{{}}
	for _, it := range items {{
		if seen[it.Label()] {{
			continue
		}}
		seen[it.Label()] = true
		total += it.Add(1)
		switch {{
		case total > 100:
			total -= 10
		default:
			total++
		}}
	}}
	double := func(x int) int {{ return x * 2 }}
	total = double(total)
	return
}}

"#
    )
}

/// A valid Go program of about `lines` lines.
pub fn generate(lines: usize) -> String {
    let mut src = String::from("package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\n");
    let mut units = 0;
    while src.lines().count() + 4 + units < lines {
        src.push_str(&unit(units));
        units += 1;
    }
    src.push_str("func main() {\n");
    for i in 0..units {
        src.push_str(&format!("\tfmt.Println(sum{i}(build{i}(10)))\n"));
    }
    src.push_str("}\n");
    src
}

fn main() {
    let src = generate(1500);
    let lines = src.lines().count();
    let checked = sim_core::check(&src);
    assert!(
        checked.diagnostics.is_empty(),
        "generated program must check clean: {:?}",
        checked.diagnostics.first()
    );
    // Warm up, then measure.
    for _ in 0..5 {
        black_box(sim_core::check(black_box(&src)));
    }
    let runs = 50;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(sim_core::check(black_box(&src)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / runs as u32;
    let mut parse_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(sim_core::parse(black_box(&src)));
            start.elapsed()
        })
        .collect();
    parse_times.sort();
    println!(
        "parse alone (syntax stage): min {:.2} ms, median {:.2} ms",
        parse_times[0].as_secs_f64() * 1e3,
        parse_times[runs / 2].as_secs_f64() * 1e3,
    );
    let nodes = checked.program.map_or(0, |p| p.exprs.len() + p.stmts.len());
    println!(
        "check ({lines} lines, {nodes} IR nodes, parse included): min {:.2} ms, median {:.2} ms, mean {:.2} ms over {runs} runs",
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
    );
}
