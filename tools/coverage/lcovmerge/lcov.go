package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Report is coverage merged per source file: hit counts are summed over every
// record for the same file, so a line covered by any test counts as covered.
type Report struct {
	files map[string]*fileCov
}

type fileCov struct {
	lines    map[int]int64       // DA: line -> hits
	funcLine map[string]int      // FN: function -> first line
	funcHits map[string]int64    // FNDA: function -> hits
	branches map[branchKey]int64 // BRDA: (line, block, branch) -> taken, -1 if never evaluated
}

type branchKey struct{ line, block, branch int }

// NewReport returns an empty report.
func NewReport() *Report { return &Report{files: map[string]*fileCov{}} }

func (r *Report) file(name string) *fileCov {
	f, ok := r.files[name]
	if !ok {
		f = &fileCov{
			lines:    map[int]int64{},
			funcLine: map[string]int{},
			funcHits: map[string]int64{},
			branches: map[branchKey]int64{},
		}
		r.files[name] = f
	}
	return f
}

// Add reads one LCOV tracefile (geninfo(1) format) from in and merges it into
// r. Source files matching any of drop are skipped. name labels errors.
// Summary lines (LF, LH, FNF, FNH, BRF, BRH) are recomputed on output.
func (r *Report) Add(in io.Reader, name string, drop []*regexp.Regexp) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var cur *fileCov // nil outside a record or inside a dropped one
	inRecord := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		kind, val, _ := strings.Cut(line, ":")
		bad := func(why string) error {
			return fmt.Errorf("%s:%d: %s in %q", name, n, why, line)
		}
		switch kind {
		case "TN":
			// Test names are not kept: the merged report is one test run.
		case "SF":
			if inRecord {
				return bad("SF before end_of_record of the previous file")
			}
			inRecord, cur = true, nil
			if !matchesAny(val, drop) {
				cur = r.file(val)
			}
		case "end_of_record":
			if !inRecord {
				return bad("end_of_record without SF")
			}
			inRecord, cur = false, nil
		case "DA", "FN", "FNDA", "BRDA", "LF", "LH", "FNF", "FNH", "BRF", "BRH":
			if !inRecord {
				return bad(kind + " outside an SF ... end_of_record block")
			}
			if cur == nil {
				continue
			}
			if err := cur.add(kind, val); err != nil {
				return bad(err.Error())
			}
		default:
			return bad("unknown LCOV record " + strconv.Quote(kind))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if inRecord {
		return fmt.Errorf("%s: ends inside the record of a source file (no end_of_record)", name)
	}
	return nil
}

func (f *fileCov) add(kind, val string) error {
	fields := strings.Split(val, ",")
	switch kind {
	case "DA": // line,hits[,checksum]
		if len(fields) < 2 {
			return fmt.Errorf("DA needs line,hits")
		}
		line, err1 := strconv.Atoi(fields[0])
		hits, err2 := strconv.ParseInt(fields[1], 10, 64)
		if err1 != nil || err2 != nil || line < 1 || hits < 0 {
			return fmt.Errorf("DA line and hits must be numbers")
		}
		f.lines[line] += hits
	case "FN": // line,name
		line, name, ok := strings.Cut(val, ",")
		l, err := strconv.Atoi(line)
		if !ok || err != nil || name == "" {
			return fmt.Errorf("FN needs line,name")
		}
		f.funcLine[name] = l
	case "FNDA": // hits,name
		hits, name, ok := strings.Cut(val, ",")
		h, err := strconv.ParseInt(hits, 10, 64)
		if !ok || err != nil || h < 0 || name == "" {
			return fmt.Errorf("FNDA needs hits,name")
		}
		f.funcHits[name] += h
	case "BRDA": // line,block,branch,taken ("-": never evaluated)
		if len(fields) != 4 {
			return fmt.Errorf("BRDA needs line,block,branch,taken")
		}
		var k branchKey
		var err error
		for i, p := range []*int{&k.line, &k.block, &k.branch} {
			if *p, err = strconv.Atoi(fields[i]); err != nil {
				return fmt.Errorf("BRDA line, block and branch must be numbers")
			}
		}
		taken := int64(-1)
		if fields[3] != "-" {
			if taken, err = strconv.ParseInt(fields[3], 10, 64); err != nil || taken < 0 {
				return fmt.Errorf("BRDA taken must be a number or -")
			}
		}
		old, seen := f.branches[k]
		switch {
		case !seen || old < 0:
			f.branches[k] = taken
		case taken > 0:
			f.branches[k] = old + taken
		}
	}
	// LF, LH, FNF, FNH, BRF, BRH: recomputed by WriteTo.
	return nil
}

func matchesAny(s string, res []*regexp.Regexp) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// Write writes r as one LCOV record per source file, sorted by path, with
// lines, functions and branches sorted and the summary counts recomputed.
func (r *Report) Write(out io.Writer) error {
	w := bufio.NewWriter(out)
	for _, name := range sortedKeys(r.files) {
		f := r.files[name]
		fmt.Fprintf(w, "SF:%s\n", name)
		fns := sortedKeys(f.funcLine)
		sort.SliceStable(fns, func(i, j int) bool { return f.funcLine[fns[i]] < f.funcLine[fns[j]] })
		for _, fn := range fns {
			fmt.Fprintf(w, "FN:%d,%s\n", f.funcLine[fn], fn)
		}
		fnHit := 0
		for _, fn := range sortedKeys(f.funcHits) {
			fmt.Fprintf(w, "FNDA:%d,%s\n", f.funcHits[fn], fn)
			if f.funcHits[fn] > 0 {
				fnHit++
			}
		}
		if len(fns) > 0 {
			fmt.Fprintf(w, "FNF:%d\nFNH:%d\n", len(fns), fnHit)
		}
		brs := make([]branchKey, 0, len(f.branches))
		for k := range f.branches {
			brs = append(brs, k)
		}
		sort.Slice(brs, func(i, j int) bool {
			a, b := brs[i], brs[j]
			if a.line != b.line {
				return a.line < b.line
			}
			if a.block != b.block {
				return a.block < b.block
			}
			return a.branch < b.branch
		})
		brHit := 0
		for _, k := range brs {
			taken := "-"
			if t := f.branches[k]; t >= 0 {
				taken = strconv.FormatInt(t, 10)
				if t > 0 {
					brHit++
				}
			}
			fmt.Fprintf(w, "BRDA:%d,%d,%d,%s\n", k.line, k.block, k.branch, taken)
		}
		if len(brs) > 0 {
			fmt.Fprintf(w, "BRF:%d\nBRH:%d\n", len(brs), brHit)
		}
		lines := sortedKeys(f.lines)
		hit := 0
		for _, l := range lines {
			fmt.Fprintf(w, "DA:%d,%d\n", l, f.lines[l])
			if f.lines[l] > 0 {
				hit++
			}
		}
		fmt.Fprintf(w, "LH:%d\nLF:%d\nend_of_record\n", hit, len(lines))
	}
	return w.Flush() // bufio keeps the first write error for Flush
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
