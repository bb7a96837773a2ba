//! The standard-library subset teaching programs use, as Go declarations.
//!
//! Each package is Go source with body-less functions, parsed by the same
//! front end as user code, so signatures live here as data that reads
//! like the real package documentation. Unexported struct fields only
//! exist to give types gc's amd64 size (`strings.Builder` is 32 bytes).

/// The Go declarations of a supported package, or `None` if unsupported.
pub fn package_source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => FMT,
        "io" => IO,
        "os" => OS,
        "strings" => STRINGS,
        "strconv" => STRCONV,
        "errors" => ERRORS,
        "sort" => SORT,
        "sync" => SYNC,
        "math" => MATH,
        "unicode" => UNICODE,
        "unicode/utf8" => UTF8,
        _ => return None,
    })
}

/// Packages a user may import. `unsafe` has no Go text: the checker
/// declares its members itself.
pub fn is_supported(path: &str) -> bool {
    path == "unsafe" || (path != "io" && package_source(path).is_some())
}

const FMT: &str = r#"package fmt
type Stringer interface { String() string }
func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string
func Errorf(format string, a ...any) error
func Fprint(w io.Writer, a ...any) (n int, err error)
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
"#;

const IO: &str = r#"package io
type Writer interface { Write(p []byte) (n int, err error) }
"#;

const OS: &str = r#"package os
type file struct { name string }
type File struct { file *file }
func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
var Stdout *File
var Stderr *File
var Args []string
var ErrNotExist error
func Exit(code int)
func Environ() []string
func Open(name string) (*File, error)
func (f *File) Close() error
func (f *File) Name() string
"#;

const STRINGS: &str = r#"package strings
type Builder struct {
	addr *Builder
	buf  []byte
}
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) Write(p []byte) (int, error)
func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Cap() int
func (b *Builder) Reset()
func (b *Builder) Grow(n int)
func Join(elems []string, sep string) string
func Repeat(s string, count int) string
func ToUpper(s string) string
func ToLower(s string) string
func Title(s string) string
func Split(s, sep string) []string
func Fields(s string) []string
func Contains(s, substr string) bool
func ContainsRune(s string, r rune) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func TrimSpace(s string) string
func Trim(s, cutset string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func Index(s, substr string) int
func Count(s, substr string) int
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func EqualFold(s, t string) bool
func TrimFunc(s string, f func(rune) bool) string
func Map(mapping func(rune) rune, s string) string
func SplitN(s, sep string, n int) []string
func SplitAfter(s, sep string) []string
func SplitAfterN(s, sep string, n int) []string
func LastIndex(s, substr string) int
func IndexByte(s string, c byte) int
func Cut(s, sep string) (before, after string, found bool)
type Replacer struct {
	once   uint32
	r      any
	oldnew []string
}
func NewReplacer(oldnew ...string) *Replacer
func (r *Replacer) Replace(s string) string
"#;

const STRCONV: &str = r#"package strconv
func Itoa(i int) string
func Atoi(s string) (int, error)
func FormatInt(i int64, base int) string
func ParseInt(s string, base int, bitSize int) (i int64, err error)
func ParseFloat(s string, bitSize int) (float64, error)
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func ParseBool(str string) (bool, error)
func FormatBool(b bool) string
func Quote(s string) string
func AppendInt(dst []byte, i int64, base int) []byte
var ErrRange error
var ErrSyntax error
type NumError struct {
	Func string
	Num  string
	Err  error
}
func (e *NumError) Error() string
func (e *NumError) Unwrap() error
"#;

const ERRORS: &str = r#"package errors
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
func Join(errs ...error) error
"#;

const SORT: &str = r#"package sort
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func Search(n int, f func(int) bool) int
func SearchInts(a []int, x int) int
func IntsAreSorted(x []int) bool
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}
func Sort(data Interface)
func Stable(data Interface)
func Reverse(data Interface) Interface
type reverse struct { Interface }
func (r *reverse) Len() int
func (r *reverse) Less(i, j int) bool
func (r *reverse) Swap(i, j int)
type IntSlice []int
func (x IntSlice) Len() int
func (x IntSlice) Less(i, j int) bool
func (x IntSlice) Swap(i, j int)
type StringSlice []string
func (x StringSlice) Len() int
func (x StringSlice) Less(i, j int) bool
func (x StringSlice) Swap(i, j int)
"#;

const SYNC: &str = r#"package sync
type noCopy struct{}
type WaitGroup struct {
	noCopy noCopy
	state  uint64
	sema   uint32
}
func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
func (wg *WaitGroup) Go(f func())
type Mutex struct {
	state int32
	sema  uint32
}
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
type Once struct {
	done uint32
	m    Mutex
}
func (o *Once) Do(f func())
"#;

const MATH: &str = r#"package math
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const E = 2.71828182845904523536028747135266249775724709369995957496696763
const MaxInt = 1<<63 - 1
const MinInt = -1 << 63
const MaxInt8 = 1<<7 - 1
const MaxInt16 = 1<<15 - 1
const MaxInt32 = 1<<31 - 1
const MinInt32 = -1 << 31
const MaxInt64 = 1<<63 - 1
const MinInt64 = -1 << 63
const MaxUint8 = 1<<8 - 1
const MaxUint16 = 1<<16 - 1
const MaxUint32 = 1<<32 - 1
const MaxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))
func Sqrt(x float64) float64
func Abs(x float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Floor(x float64) float64
func Ceil(x float64) float64
func Round(x float64) float64
func Trunc(x float64) float64
func Pow(x, y float64) float64
func Mod(x, y float64) float64
func Log(x float64) float64
func Exp(x float64) float64
func Sin(x float64) float64
func Cos(x float64) float64
func Hypot(p, q float64) float64
func Inf(sign int) float64
func IsNaN(f float64) (is bool)
func NaN() float64
"#;

const UNICODE: &str = r#"package unicode
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsDigit(r rune) bool
func IsLetter(r rune) bool
func IsSpace(r rune) bool
func IsPunct(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
"#;

const UTF8: &str = r#"package utf8
const RuneError = '\uFFFD'
const UTFMax = 4
func RuneCountInString(s string) (n int)
func RuneCount(p []byte) int
func RuneLen(r rune) int
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func ValidString(s string) bool
"#;
