//! Go's `strconv` number parsing, formatting and quoting, on bytes.

/// Why a conversion failed (Go's internal/strconv errors).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumErr {
    Syntax,
    Range,
    Base,
    BitSize,
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// `underscoreOK`: underscores only between digits (or after a prefix).
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let s = if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        &s[1..]
    } else {
        s
    };
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// `strconv.ParseUint` (value returned alongside an error as Go does).
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> (u64, Option<NumErr>) {
    if s.is_empty() {
        return (0, Some(NumErr::Syntax));
    }
    let base0 = base == 0;
    let s0 = s;
    let mut s = s;
    let mut base = base;
    if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && lower(s[1]) == b'b' {
                base = 2;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'o' {
                base = 8;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'x' {
                base = 16;
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else if !(2..=36).contains(&base) {
        return (0, Some(NumErr::Base));
    }
    let bit_size = match bit_size {
        0 => 64,
        b if !(0..=64).contains(&b) => return (0, Some(NumErr::BitSize)),
        b => b,
    };
    let cutoff = u64::MAX / base as u64 + 1;
    let max_val = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' && base0 {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return (0, Some(NumErr::Syntax));
        };
        if d as i64 >= base {
            return (0, Some(NumErr::Syntax));
        }
        if n >= cutoff {
            return (max_val, Some(NumErr::Range));
        }
        n *= base as u64;
        let (n1, over) = n.overflowing_add(d as u64);
        if over || n1 > max_val {
            return (max_val, Some(NumErr::Range));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return (0, Some(NumErr::Syntax));
    }
    (n, None)
}

/// `strconv.ParseInt`.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> (i64, Option<NumErr>) {
    if s.is_empty() {
        return (0, Some(NumErr::Syntax));
    }
    let (neg, rest) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let (un, err) = parse_uint(rest, base, bit_size);
    if err.is_some() && err != Some(NumErr::Range) {
        return (0, err);
    }
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return ((cutoff - 1) as i64, Some(NumErr::Range));
    }
    if neg && un > cutoff {
        return ((cutoff as i64).wrapping_neg(), Some(NumErr::Range));
    }
    let n = un as i64;
    (if neg { n.wrapping_neg() } else { n }, None)
}

/// `strconv.Atoi`.
pub fn atoi(s: &[u8]) -> (i64, Option<NumErr>) {
    if !s.is_empty() && s.len() < 19 {
        let mut t = s;
        if s[0] == b'-' || s[0] == b'+' {
            t = &s[1..];
            if t.is_empty() {
                return (0, Some(NumErr::Syntax));
            }
        }
        let mut n: i64 = 0;
        for &c in t {
            if !c.is_ascii_digit() {
                return (0, Some(NumErr::Syntax));
            }
            n = n * 10 + (c - b'0') as i64;
        }
        return (if s[0] == b'-' { -n } else { n }, None);
    }
    parse_int(s, 10, 0)
}

/// `strconv.FormatInt` / `FormatUint` digits (base already checked).
pub fn format_bits(u: u64, neg: bool, base: u32) -> String {
    let mut d = Vec::new();
    let mut n = u;
    loop {
        d.push(std::char::from_digit((n % base as u64) as u32, base).unwrap_or('?'));
        n /= base as u64;
        if n == 0 {
            break;
        }
    }
    if neg {
        d.push('-');
    }
    d.iter().rev().collect()
}

pub fn format_int(i: i64, base: u32) -> String {
    format_bits(i.unsigned_abs(), i < 0, base)
}

fn common_prefix_ignore_case(s: &[u8], prefix: &[u8]) -> usize {
    let mut n = 0;
    while n < prefix.len() && n < s.len() && lower(s[n]) == prefix[n] {
        n += 1;
    }
    n
}

/// `special`: infinities and NaN.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    if s.is_empty() {
        return None;
    }
    let (sign, nsign, t) = match s[0] {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        _ => (1.0, 0, s),
    };
    if nsign == 1 || matches!(s[0], b'i' | b'I') {
        let mut n = common_prefix_ignore_case(t, b"infinity");
        if 3 < n && n < 8 {
            n = 3;
        }
        if n == 3 || n == 8 {
            return Some((sign * f64::INFINITY, nsign + n));
        }
    } else if matches!(s[0], b'n' | b'N') && common_prefix_ignore_case(s, b"nan") == 3 {
        return Some((f64::NAN, 3));
    }
    None
}

/// `readFloat`'s grammar: returns (consumed length, hex, ok).
fn read_float(s: &[u8]) -> (usize, bool, bool) {
    let mut i = 0;
    let mut underscores = false;
    if i >= s.len() {
        return (i, false, false);
    }
    if s[i] == b'+' || s[i] == b'-' {
        i += 1;
    }
    let mut hex = false;
    let mut exp_char = b'e';
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        i += 2;
        hex = true;
        exp_char = b'p';
    }
    let mut sawdot = false;
    let mut sawdigits = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
        } else if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return (i, hex, false);
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        if i >= s.len() {
            return (i, hex, false);
        }
        if s[i] == b'+' || s[i] == b'-' {
            i += 1;
        }
        if i >= s.len() || !s[i].is_ascii_digit() {
            return (i, hex, false);
        }
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            }
            i += 1;
        }
    } else if hex {
        return (i, hex, false);
    }
    if underscores && !underscore_ok(&s[..i]) {
        return (i, hex, false);
    }
    (i, hex, true)
}

fn parse_hex_float(s: &[u8], f32: bool) -> f64 {
    let s: Vec<u8> = s.iter().copied().filter(|&c| c != b'_').collect();
    let (neg, mut t) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, &s[..]),
    };
    t = &t[2..];
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut sawdot = false;
    let mut i = 0;
    while i < t.len() && lower(t[i]) != b'p' {
        let c = t[i];
        i += 1;
        if c == b'.' {
            sawdot = true;
            continue;
        }
        let d = (c as char).to_digit(16).unwrap_or(0) as u64;
        if mant >> 60 == 0 {
            mant = mant * 16 + d;
            if sawdot {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !sawdot {
                exp += 4;
            }
        }
    }
    if i < t.len() {
        let e: String = t[i + 1..].iter().map(|&c| c as char).collect();
        exp += e.parse::<i64>().unwrap_or(0).clamp(-100_000, 100_000);
    }
    if sticky {
        mant |= 1;
    }
    let mut v = if f32 {
        // Round the mantissa once, at float32 precision.
        mant as f32 as f64
    } else {
        mant as f64
    };
    let mut e = exp;
    while e > 0 {
        let step = e.min(1000);
        v *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        v /= 2f64.powi(step as i32);
        e += step;
    }
    if f32 {
        v = v as f32 as f64;
    }
    if neg {
        -v
    } else {
        v
    }
}

/// `strconv.ParseFloat`.
pub fn parse_float(s: &[u8], bit_size: i64) -> (f64, Option<NumErr>) {
    let f32 = bit_size == 32;
    let (val, n, err) = if let Some((v, n)) = special(s) {
        (v, n, None)
    } else {
        let (n, hex, ok) = read_float(s);
        if !ok {
            (0.0, n, Some(NumErr::Syntax))
        } else {
            let v = if hex {
                parse_hex_float(&s[..n], f32)
            } else {
                let clean: String = s[..n]
                    .iter()
                    .filter(|&&c| c != b'_')
                    .map(|&c| c as char)
                    .collect();
                if f32 {
                    clean.parse::<f32>().map(|x| x as f64).unwrap_or(0.0)
                } else {
                    clean.parse::<f64>().unwrap_or(0.0)
                }
            };
            let err = if v.is_infinite() {
                Some(NumErr::Range)
            } else {
                None
            };
            (v, n, err)
        }
    };
    if n != s.len() {
        return (0.0, Some(NumErr::Syntax));
    }
    (val, err)
}

/// Decimal digits of |f| (no leading or trailing zeros) and the decimal
/// point position, for `fmt` with `prec` (negative: shortest).
fn digits(f: f64, fmt: u8, prec: i64, f32: bool) -> (Vec<u8>, i64) {
    let f = f.abs();
    if f == 0.0 {
        return (vec![], 0);
    }
    let (mant, dp) = if prec < 0 {
        let s = if f32 {
            format!("{:e}", f as f32)
        } else {
            format!("{f:e}")
        };
        sci_digits(&s)
    } else {
        match fmt {
            b'e' | b'E' => sci_digits(&format!("{:.*e}", prec as usize, f)),
            b'g' | b'G' => sci_digits(&format!("{:.*e}", (prec.max(1) - 1) as usize, f)),
            _ => {
                let s = format!("{:.*}", prec as usize, f);
                let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
                let mut d: Vec<u8> = ip.bytes().chain(fp.bytes()).collect();
                let mut dp = ip.len() as i64;
                while d.first() == Some(&b'0') {
                    d.remove(0);
                    dp -= 1;
                }
                if d.is_empty() {
                    dp = 0;
                }
                (d, dp)
            }
        }
    };
    let mut d = mant;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return (d, 0);
    }
    (d, dp)
}

fn sci_digits(s: &str) -> (Vec<u8>, i64) {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    let d: Vec<u8> = m.bytes().filter(|c| c.is_ascii_digit()).collect();
    (d, e.parse::<i64>().unwrap_or(0) + 1)
}

/// `strconv.FormatFloat(f, fmt, prec, bitSize)`.
pub fn format_float(f: f64, fmt: u8, prec: i64, bit_size: i64) -> String {
    let f32 = bit_size == 32;
    let f = if f32 { f as f32 as f64 } else { f };
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    let neg = f.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(f, f32),
        b'x' | b'X' => return fmt_x(f, prec, fmt, f32),
        b'e' | b'E' | b'f' | b'g' | b'G' => {}
        _ => return format!("%{}", fmt as char),
    }
    let shortest = prec < 0;
    let (d, dp) = digits(f, fmt, prec, f32);
    let nd = d.len() as i64;
    let mut prec = prec;
    if shortest {
        prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - dp).max(0),
            _ => nd,
        };
    } else if matches!(fmt, b'g' | b'G') && prec == 0 {
        prec = 1;
    }
    fmt_efg(neg, &d, dp, nd, prec, fmt, shortest)
}

fn fmt_efg(neg: bool, s: &[u8], dp: i64, nd: i64, prec: i64, fmt: u8, shortest: bool) -> String {
    let mut fmt = fmt;
    let mut prec = prec;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    let mut out = Vec::new();
    if neg {
        out.push(b'-');
    }
    if fmt == b'e' || fmt == b'E' {
        out.push(if nd != 0 { s[0] } else { b'0' });
        if prec > 0 {
            out.push(b'.');
            let mut i = 1;
            let m = nd.min(prec + 1);
            if i < m {
                out.extend_from_slice(&s[i as usize..m as usize]);
                i = m;
            }
            out.extend(std::iter::repeat_n(b'0', (prec + 1 - i) as usize));
        }
        out.push(fmt);
        push_exponent(&mut out, if nd == 0 { 0 } else { dp - 1 });
    } else {
        if dp > 0 {
            let m = nd.min(dp);
            out.extend_from_slice(&s[..m as usize]);
            out.extend(std::iter::repeat_n(b'0', (dp - m) as usize));
        } else {
            out.push(b'0');
        }
        if prec > 0 {
            out.push(b'.');
            let lz = prec.min((-dp).max(0));
            let off = dp + lz;
            let m = (prec - lz).min((nd - off).max(0));
            let tz = (prec - lz - m).max(0);
            out.extend(std::iter::repeat_n(b'0', lz.max(0) as usize));
            for i in 0..m {
                out.push(s[(off + i) as usize]);
            }
            out.extend(std::iter::repeat_n(b'0', tz.max(0) as usize));
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn float_parts(f: f64, f32: bool) -> (bool, u64, i64, i64) {
    let (bits, exp_bits, mant_bits, bias) = if f32 {
        ((f as f32).to_bits() as u64, 8, 23, -127)
    } else {
        (f.to_bits(), 11, 52, -1023)
    };
    let neg = bits >> (exp_bits + mant_bits) != 0;
    let mut exp = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i64;
    let mut mant = bits & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mant_bits;
    }
    exp += bias;
    (neg, mant, exp, mant_bits as i64)
}

fn fmt_b(f: f64, f32: bool) -> String {
    let (neg, mant, exp, mant_bits) = float_parts(f, f32);
    let e = exp - mant_bits;
    format!(
        "{}{mant}p{}{e}",
        if neg { "-" } else { "" },
        if e >= 0 { "+" } else { "" }
    )
}

fn fmt_x(f: f64, prec: i64, fmt: u8, f32: bool) -> String {
    let (neg, mut mant, mut exp, mant_bits) = float_parts(f, f32);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = Vec::new();
    if neg {
        out.push(b'-');
    }
    out.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    push_exponent(&mut out, exp);
    String::from_utf8(out).unwrap_or_default()
}

/// An exponent's sign and at least two digits, as `%e` and `%x` end.
fn push_exponent(out: &mut Vec<u8>, exp: i64) {
    out.push(if exp < 0 { b'-' } else { b'+' });
    if exp.abs() < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(exp.unsigned_abs().to_string().as_bytes());
}
