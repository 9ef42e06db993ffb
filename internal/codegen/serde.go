package main

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// serde writes the encoders and decoders of the service's operation:
// <service>/api_op_<Operation>_serde.go for its JSON protocol and, when the
// service also speaks rpcv2Cbor, api_op_<Operation>_serde_cbor.go.
func (g *generator) serde() error {
	op := g.m.Operation()
	if op == nil {
		return fmt.Errorf("the model has no single operation")
	}
	opName := smithymodel.Name(op.ID)
	svc := g.m.Service()
	if svc == nil {
		return fmt.Errorf("the model has no single service")
	}
	proto := svc.Protocol()
	switch proto {
	case "awsJson1_0", "awsJson1_1", "restJson1":
	default:
		return fmt.Errorf("the generator does not handle the %q protocol", proto)
	}
	formats := []*wireFormat{jsonFormat(proto)}
	if svc.Traits.Has("smithy.protocols#rpcv2Cbor") {
		formats = append(formats, cborFormat())
	}
	for _, f := range formats {
		s := &serdeWriter{g: g, f: f, op: op, opName: opName, imports: map[string]bool{}, done: map[string]bool{}}
		if err := s.file(); err != nil {
			return err
		}
		if err := s.memberTables(); err != nil {
			return err
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "package %s\n", g.svc.Name)
		writeImports(&b, s.imports)
		b.Write(s.b.Bytes())
		if err := g.emit(fmt.Sprintf("%s/api_op_%s_serde%s.go", g.svc.Name, opName, f.fileSuffix), &b); err != nil {
			return err
		}
	}
	return nil
}

// wireFormat holds what differs between the JSON and the CBOR encoders and
// decoders: the writer and reader types and the names of their methods.
type wireFormat struct {
	proto      string // the Smithy protocol name
	fileSuffix string // added to the file name
	suffix     string // added to every function name
	pkg        string // import path of the writer and reader
	writer     string // the writer type, package-qualified
	reader     string // the reader type, package-qualified
	body       string // the Request field holding the writer
	beginMap   string
	endMap     string
	beginList  string
	endList    string
	readMap    string // the reader method that starts a map
	readList   string // the reader method that starts a list
	readTime   string // the reader method for an optional timestamp
	writeTime  string // the writer method for a timestamp
	// nullNote adds to the output decoder's doc how null members read.
	nullNote string
	// room is true when list decoders ask jsonwire.Room for room, so that
	// a long array is counted once instead of copied at every doubling.
	room bool
	// members is true when the decoders read member names with MoreIn
	// and a table of them (jsonwire.Members), false when they switch on
	// the name.
	members bool
}

func jsonFormat(proto string) *wireFormat {
	return &wireFormat{
		proto: proto, pkg: "github.com/awssnap/awssnap/internal/jsonwire",
		writer: "jsonwire.Writer", reader: "jsonwire.Reader", body: "Body",
		beginMap: "BeginObject", endMap: "EndObject", beginList: "BeginArray", endList: "EndArray",
		readMap: "Object", readList: "Array", readTime: "EpochSecondsPtr", writeTime: "EpochSeconds",
		room: true, members: true,
	}
}

func cborFormat() *wireFormat {
	return &wireFormat{
		proto: "rpcv2Cbor", fileSuffix: "_cbor", suffix: "CBOR", pkg: "github.com/awssnap/awssnap/internal/cborwire",
		writer: "cborwire.Writer", reader: "cborwire.Reader", body: "CBOR",
		beginMap: "BeginMap", endMap: "End", beginList: "BeginList", endList: "End",
		readMap: "Map", readList: "List", readTime: "TimePtr", writeTime: "Time",
		nullNote: " A member whose value is null or undefined is absent, as it is for the official client: the typed readers give nil for it.",
	}
}

// serdeWriter writes the functions of one file. Nested encoders and
// decoders are queued as they are first needed and written after the
// function that needs them.
type serdeWriter struct {
	g       *generator
	f       *wireFormat
	op      *smithymodel.Shape
	opName  string
	b       bytes.Buffer
	imports map[string]bool
	done    map[string]bool
	queue   []func() error

	// page is set while the page decoder's methods are written; its
	// fields are gathered as they are needed.
	page       *pageLayout
	pageFields []string
	pageSlabs  []string // the pageDecoder's slab fields
	pageOutput bool     // the members being read are the output's

	// tables are the member tables the decoders use, in the order they
	// were first needed, with the names each holds.
	tables     []string
	tableNames map[string][]string
	tableErr   error
}

func (s *serdeWriter) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// need queues a nested function, once per name.
func (s *serdeWriter) need(name string, write func() error) {
	if !s.done[name] {
		s.done[name] = true
		s.queue = append(s.queue, write)
	}
}

// drain writes the queued functions, and those they queue in turn.
func (s *serdeWriter) drain() error {
	for len(s.queue) > 0 {
		next := s.queue[0]
		s.queue = s.queue[1:]
		if err := next(); err != nil {
			return err
		}
	}
	return nil
}

func (s *serdeWriter) shape(id string) (*smithymodel.Shape, error) {
	t := s.g.m.Shape(id)
	if t == nil {
		return nil, fmt.Errorf("no shape %s", id)
	}
	return t, nil
}

// file writes the path function (restJson1), the input encoder, the
// output decoder and the typed-error decoders, each followed by the
// nested functions it calls.
func (s *serdeWriter) file() error {
	in, err := s.shape(s.op.Input)
	if err != nil {
		return err
	}
	out, err := s.shape(s.op.Output)
	if err != nil {
		return err
	}
	if s.f.proto == "restJson1" {
		if err := s.path(in); err != nil {
			return err
		}
	}
	steps := []func() error{
		func() error { return s.encodeInput(in) },
		s.drain,
	}
	if s.g.svc.Page != nil && s.f.suffix == "" {
		steps = append(steps, func() error { return s.decodePage(out, s.g.svc.Page) })
	} else {
		steps = append(steps, func() error { return s.decodeOutput(out) }, s.drain)
	}
	if s.f.suffix == "" { // typed errors are decoded here only for JSON
		steps = append(steps, s.errorDecoders, s.drain)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// path writes path<Operation>, which fills in the operation's URI
// template: literal parts as they are, labels escaped as one path segment.
func (s *serdeWriter) path(in *smithymodel.Shape) error {
	var http smithymodel.HTTP
	if !s.op.Traits.Decode(smithymodel.TraitHTTP, &http) || http.URI == "" {
		return fmt.Errorf("%s has no http trait", s.opName)
	}
	if strings.ContainsAny(http.URI, "?+") {
		return fmt.Errorf("%s: the generator does not handle query strings or greedy labels in %s", s.opName, http.URI)
	}
	labels := map[string]*smithymodel.Member{}
	for _, mem := range in.Members {
		if mem.Traits.Has(smithymodel.TraitHTTPLabel) {
			labels[mem.Name] = mem
		}
	}
	var body strings.Builder
	rest, used := http.URI, 0
	for rest != "" {
		literal, after, found := strings.Cut(rest, "{")
		if literal != "" {
			fmt.Fprintf(&body, "\treq.PathLiteral(%q)\n", literal)
		}
		if !found {
			break
		}
		label, tail, ok := strings.Cut(after, "}")
		mem := labels[label]
		if !ok || mem == nil {
			return fmt.Errorf("%s: URI %s names %q, which is no label member", s.opName, http.URI, label)
		}
		if t, err := s.shape(mem.Target); err != nil || t.Type != "string" {
			return fmt.Errorf("%s: the generator handles only string labels (%s)", s.opName, label)
		}
		fmt.Fprintf(&body, "\treq.PathLabel(%q, in.%s)\n", mem.Name, exported(mem.Name))
		used++
		rest = tail
	}
	if used != len(labels) {
		return fmt.Errorf("%s: URI %s leaves out a label member", s.opName, http.URI)
	}
	s.imports["github.com/awssnap/awssnap/internal/protocol"] = true
	param := "in"
	doc := fmt.Sprintf("path%s writes the path of %s, %s. Each label is escaped as one path segment; an empty label fails the call.",
		s.opName, s.opName, http.URI)
	if used == 0 {
		param = "_"
		doc = fmt.Sprintf("path%s writes the path of %s, %s, which has no labels.", s.opName, s.opName, http.URI)
	}
	s.printf("\n%sfunc path%s(%s *%sInput, req *protocol.Request) {\n%s}\n", comment(doc), s.opName, param, s.opName, body.String())
	return nil
}

// bodyMembers returns the members of an input that go in the body, in the
// order the official clients write them: sorted by wire name.
func (s *serdeWriter) bodyMembers(st *smithymodel.Shape) ([]*smithymodel.Member, error) {
	var list []*smithymodel.Member
	for _, mem := range st.Members {
		if mem.Traits.Has(smithymodel.TraitHTTPLabel) {
			continue
		}
		for _, trait := range []string{"smithy.api#httpHeader", "smithy.api#httpQuery", "smithy.api#httpQueryParams",
			"smithy.api#httpPrefixHeaders", "smithy.api#httpPayload", "smithy.api#httpResponseCode"} {
			if mem.Traits.Has(trait) {
				return nil, fmt.Errorf("%s.%s: the generator does not handle %s", smithymodel.Name(st.ID), mem.Name, trait)
			}
		}
		list = append(list, mem)
	}
	sort.SliceStable(list, func(i, j int) bool { return s.wireName(list[i]) < s.wireName(list[j]) })
	return list, nil
}

// wireName is the name of a member in the body: its jsonName in
// restJson1, else its member name.
func (s *serdeWriter) wireName(mem *smithymodel.Member) string {
	var name string
	if s.f.proto == "restJson1" && mem.Traits.Decode("smithy.api#jsonName", &name) {
		return name
	}
	return mem.Name
}

func (s *serdeWriter) sensitive(mem *smithymodel.Member) bool {
	_, ok := s.g.m.Trait(mem, smithymodel.TraitSensitive)
	return ok
}

// checkTimestamp fails for a timestamp format other than the protocols'
// default, epoch seconds.
func (s *serdeWriter) checkTimestamp(mem *smithymodel.Member) error {
	var format string
	if s.g.m.DecodeTrait(mem, "smithy.api#timestampFormat", &format) && format != "epoch-seconds" {
		return fmt.Errorf("member %s: the generator does not handle timestamp format %q", mem.Name, format)
	}
	return nil
}

// encodeInput writes encode<Operation>Input.
func (s *serdeWriter) encodeInput(in *smithymodel.Shape) error {
	members, err := s.bodyMembers(in)
	if err != nil {
		return err
	}
	s.imports["github.com/awssnap/awssnap/internal/protocol"] = true
	name := "encode" + s.opName + "Input" + s.f.suffix
	doc := name + " writes the body members in the order the official client writes them, sorted by name, so the bodies are byte-identical."
	if s.f.suffix != "" {
		doc += " Maps and lists are of indefinite length, as there."
	}
	var body strings.Builder
	redacts := false
	for _, mem := range members {
		code, r, err := s.encodeMember("in."+exported(mem.Name), mem, true)
		if err != nil {
			return fmt.Errorf("%sInput.%s: %w", s.opName, mem.Name, err)
		}
		redacts = redacts || r
		body.WriteString(code)
	}
	if redacts {
		doc += " Sensitive members are replaced by a placeholder when the body is rendered for a log."
	}
	s.printf("\n%sfunc %s(in *%sInput, req *protocol.Request) {\n\tw := &req.%s\n\tw.%s()\n%s\tw.%s()\n}\n",
		comment(doc), name, s.opName, s.f.body, s.f.beginMap, body.String(), s.f.endMap)
	return nil
}

// encodeMember returns the statements that write one member whose Go
// value is expr, and whether they redact it; req tells whether the request
// (needed to redact) is in scope.
func (s *serdeWriter) encodeMember(expr string, mem *smithymodel.Member, req bool) (string, bool, error) {
	t, err := s.shape(mem.Target)
	if err != nil {
		return "", false, err
	}
	key := s.wireName(mem)
	sensitive := s.sensitive(mem) && s.f.suffix == "" // a CBOR body is never rendered for a log
	if sensitive && !req {
		return "", false, fmt.Errorf("the generator does not handle sensitive member %s inside a nested structure", mem.Name)
	}
	set := func(cond, value string) string {
		return fmt.Sprintf("\tif %s {\n\t\tw.Key(%q)\n%s\t}\n", cond, key, value)
	}
	switch t.Type {
	case "string":
		if sensitive {
			return set(expr+" != nil", fmt.Sprintf("\t\treq.SensitiveString(*%s)\n", expr)), true, nil
		}
		return fmt.Sprintf("\tw.StringMember(%q, %s)\n", key, expr), false, nil
	}
	if sensitive {
		if t.Type != "list" {
			return "", false, fmt.Errorf("the generator does not handle sensitive %s member %s", t.Type, mem.Name)
		}
		fn, err := s.encodeSensitiveList(t)
		if err != nil {
			return "", false, err
		}
		return set(expr+" != nil", fmt.Sprintf("\t\t%s(%s, req)\n", fn, expr)), true, nil
	}
	switch t.Type {
	case "enum":
		return set(expr+` != ""`, fmt.Sprintf("\t\tw.String(string(%s))\n", expr)), false, nil
	case "boolean":
		return set(expr+" != nil", fmt.Sprintf("\t\tw.Bool(*%s)\n", expr)), false, nil
	case "integer", "long":
		return set(expr+" != nil", fmt.Sprintf("\t\tw.Int(int64(*%s))\n", expr)), false, nil
	case "timestamp":
		if err := s.checkTimestamp(mem); err != nil {
			return "", false, err
		}
		return set(expr+" != nil", fmt.Sprintf("\t\tw.%s(*%s)\n", s.f.writeTime, expr)), false, nil
	case "structure":
		fn, err := s.encodeStruct(t)
		if err != nil {
			return "", false, err
		}
		return set(expr+" != nil", fmt.Sprintf("\t\t%s(w, %s)\n", fn, expr)), false, nil
	case "list":
		elem, err := s.encodeElement(t.Member, expr+"[i]")
		if err != nil {
			return "", false, err
		}
		return set(expr+" != nil", fmt.Sprintf("\t\tw.%s()\n\t\tfor i := range %s {\n\t\t\t%s\n\t\t}\n\t\tw.%s()\n",
			s.f.beginList, expr, elem, s.f.endList)), false, nil
	case "map":
		fn, err := s.encodeMap(t)
		if err != nil {
			return "", false, err
		}
		return set(expr+" != nil", fmt.Sprintf("\t\t%s(w, %s)\n", fn, expr)), false, nil
	}
	return "", false, fmt.Errorf("the generator does not encode %s members (%s)", t.Type, mem.Name)
}

// encodeElement returns the statement that writes one list element, expr.
func (s *serdeWriter) encodeElement(mem *smithymodel.Member, expr string) (string, error) {
	t, err := s.shape(mem.Target)
	if err != nil {
		return "", err
	}
	switch t.Type {
	case "string":
		return fmt.Sprintf("w.String(%s)", expr), nil
	case "enum":
		return fmt.Sprintf("w.String(string(%s))", expr), nil
	case "structure":
		fn, err := s.encodeStruct(t)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%s(w, &%s)", fn, expr), nil
	}
	return "", fmt.Errorf("the generator does not encode lists of %s (%s)", t.Type, t.ID)
}

// encodeStruct queues the encoder of a nested structure and returns its
// name.
func (s *serdeWriter) encodeStruct(t *smithymodel.Shape) (string, error) {
	name := smithymodel.Name(t.ID)
	fn := "encode" + name + s.f.suffix
	s.need(fn, func() error {
		members, err := s.bodyMembers(t)
		if err != nil {
			return err
		}
		var body strings.Builder
		for _, mem := range members {
			code, _, err := s.encodeMember("v."+exported(mem.Name), mem, false)
			if err != nil {
				return fmt.Errorf("%s.%s: %w", name, mem.Name, err)
			}
			body.WriteString(code)
		}
		s.imports[s.f.pkg] = true
		s.printf("\n%sfunc %s(w *%s, v *types.%s) {\n\tw.%s()\n%s\tw.%s()\n}\n",
			comment(fmt.Sprintf("%s writes %s, its members sorted by name.", fn, article(name))),
			fn, s.f.writer, name, s.f.beginMap, body.String(), s.f.endMap)
		s.useTypes()
		return nil
	})
	return fn, nil
}

// encodeSensitiveList queues the encoder of a list that is sensitive as a
// whole and returns its name.
func (s *serdeWriter) encodeSensitiveList(t *smithymodel.Shape) (string, error) {
	name := smithymodel.Name(t.ID)
	fn := "encode" + name + s.f.suffix
	elemType, err := s.g.goType(t.Member, true, "types.", map[string]bool{})
	if err != nil {
		return "", err
	}
	elem, err := s.encodeElement(t.Member, "v[i]")
	if err != nil {
		return "", err
	}
	s.need(fn, func() error {
		s.useTypes()
		s.printf("\n%sfunc %s(v []%s, req *protocol.Request) {\n\tw := &req.%s\n\tif req.Redact {\n\t\tw.String(protocol.Sensitive)\n\t\treturn\n\t}\n"+
			"\tw.%s()\n\tfor i := range v {\n\t\t%s\n\t}\n\tw.%s()\n}\n",
			comment(fn+" writes the list, or only the placeholder when the body is rendered for a log: the list is sensitive as a whole."),
			fn, elemType, s.f.body, s.f.beginList, elem, s.f.endList)
		return nil
	})
	return fn, nil
}

// encodeMap queues the encoder of a map of strings and returns its name.
func (s *serdeWriter) encodeMap(t *smithymodel.Shape) (string, error) {
	name := smithymodel.Name(t.ID)
	fn := "encode" + name + s.f.suffix
	v, err := s.shape(t.Value.Target)
	if err != nil {
		return "", err
	}
	if s.f.suffix != "" || v.Type != "string" {
		return "", fmt.Errorf("the generator encodes only JSON maps of strings (%s)", name)
	}
	s.need(fn, func() error {
		s.imports["slices"] = true
		s.imports[s.f.pkg] = true
		s.printf("\n%sfunc %s(w *%s, m map[string]string) {\n"+
			"\tvar buf [16]string\n\tkeys := buf[:0]\n\tfor key := range m {\n\t\tkeys = append(keys, key)\n\t}\n\tslices.Sort(keys)\n"+
			"\tw.BeginObject()\n\tfor _, key := range keys {\n\t\tw.MapKey(key)\n\t\tw.String(m[key])\n\t}\n\tw.EndObject()\n}\n",
			comment(fn+" writes the map as an object with its keys sorted (the official client writes them in Go's random map order)."),
			fn, s.f.writer)
		return nil
	})
	return fn, nil
}

func (s *serdeWriter) useTypes() {
	s.imports["github.com/awssnap/awssnap/"+s.g.svc.Name+"/types"] = true
}

// decodeOutput writes decode<Operation>Output.
func (s *serdeWriter) decodeOutput(out *smithymodel.Shape) error {
	cases, err := s.cases("out", out, nil)
	if err != nil {
		return fmt.Errorf("%sOutput: %w", s.opName, err)
	}
	s.imports[s.f.pkg] = true
	name := "decode" + s.opName + "Output" + s.f.suffix
	s.printf("\n%sfunc %s(r *%s, out *%sOutput) {\n%s}\n",
		comment(name+" reads the body of a response; members it does not know are skipped."+s.f.nullNote),
		name, s.f.reader, s.opName, s.loop("it", cases))
	return nil
}

// loop returns the loop that reads the members of a map into the cases of
// c; other members are skipped. In JSON the switch is on the index of the
// member name in the table of c, in CBOR on the name. The iterator is
// declared before the loop: declared in the for statement, it would be a
// new variable each iteration, copied, as its address is taken.
func (s *serdeWriter) loop(iter string, c *switchCases) string {
	var body strings.Builder
	for _, mc := range c.cases {
		labels := make([]string, len(mc.names))
		for i, n := range mc.names {
			if s.f.members {
				labels[i] = fmt.Sprint(slices.Index(c.names, n))
			} else {
				labels[i] = fmt.Sprintf("%q", n)
			}
		}
		comment := ""
		if s.f.members {
			comment = " // " + strings.Join(mc.names, ", ")
		}
		fmt.Fprintf(&body, "\t\tcase %s:%s\n\t\t\t%s\n", strings.Join(labels, ", "), comment, mc.code)
	}
	if !s.f.members {
		return fmt.Sprintf("\t%s := r.%s()\n\tfor r.More(&%s) {\n\t\tswitch r.Key() {\n%s\t\tdefault:\n\t\t\tr.Skip()\n\t\t}\n\t}\n",
			iter, s.f.readMap, iter, body.String())
	}
	if s.tableNames == nil {
		s.tableNames = map[string][]string{}
	}
	if names, ok := s.tableNames[c.table]; !ok {
		s.tables = append(s.tables, c.table)
		s.tableNames[c.table] = c.names
	} else if !slices.Equal(names, c.names) && s.tableErr == nil {
		s.tableErr = fmt.Errorf("two member tables named %s hold other names", c.table)
	}
	return fmt.Sprintf("\t%s := r.%s()\n\tfor r.MoreIn(&%s, %s) {\n\t\tswitch %s.Member() {\n%s\t\tdefault:\n\t\t\tr.Skip()\n\t\t}\n\t}\n",
		iter, s.f.readMap, iter, c.table, iter, body.String())
}

// memberTables writes the member tables the decoders use.
func (s *serdeWriter) memberTables() error {
	if s.tableErr != nil || len(s.tables) == 0 {
		return s.tableErr
	}
	pkg := s.f.reader[:strings.Index(s.f.reader, ".")]
	s.printf("\n// The member names each decoder knows, in the order the service writes\n// them; see %s.Members.\nvar (\n", pkg)
	for _, table := range s.tables {
		quoted := make([]string, len(s.tableNames[table]))
		for i, n := range s.tableNames[table] {
			quoted[i] = fmt.Sprintf("%q", n)
		}
		s.printf("\t%s = %s.NewMembers(%s)\n", table, pkg, strings.Join(quoted, ", "))
	}
	s.printf(")\n")
	return nil
}

// switchCases are the cases that read the members of a structure, and the
// names of its member table: each member's wire name in the order of the
// model, which is the order the services write them in, then the other
// names a member answers to.
type switchCases struct {
	table string // the name of the table
	names []string
	cases []memberCase
}

// memberCase is the code that reads a member answering to names, the first
// of them its wire name.
type memberCase struct {
	names []string
	code  string
}

// add adds the case that runs code for a member answering to names.
func (c *switchCases) add(names []string, code string) {
	c.cases = append(c.cases, memberCase{names, code})
}

// newCases starts the cases of a structure with the given members, and
// their table.
func (s *serdeWriter) newCases(table string, members []*smithymodel.Member, alias func(*smithymodel.Member) []string) *switchCases {
	c := &switchCases{table: table + s.f.suffix}
	for _, mem := range members {
		c.names = append(c.names, s.wireName(mem))
	}
	for _, mem := range members {
		if alias != nil {
			c.names = append(c.names, alias(mem)...)
		}
	}
	return c
}

// cases returns the switch cases that read the members of st into the
// fields of v; alias gives other wire names a member answers to.
func (s *serdeWriter) cases(v string, st *smithymodel.Shape, alias func(*smithymodel.Member) []string) (*switchCases, error) {
	c := s.newCases(unexported(smithymodel.Name(st.ID))+"Members", st.Members, alias)
	for _, mem := range st.Members {
		value, err := s.decodeValue(mem)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", mem.Name, err)
		}
		names := []string{s.wireName(mem)}
		if alias != nil {
			names = append(names, alias(mem)...)
		}
		c.add(names, fmt.Sprintf("%s.%s = %s", v, exported(mem.Name), value))
	}
	return c, nil
}

// decodeValue returns the expression that reads the value of a member.
func (s *serdeWriter) decodeValue(mem *smithymodel.Member) (string, error) {
	t, err := s.shape(mem.Target)
	if err != nil {
		return "", err
	}
	typ, err := s.g.goType(mem, false, "types.", map[string]bool{})
	if err != nil {
		return "", err
	}
	pointer := strings.HasPrefix(typ, "*")
	scalar := func(method string) (string, error) {
		if !pointer {
			return "", fmt.Errorf("the generator does not decode non-optional %s members", t.Type)
		}
		return "r." + method + "()", nil
	}
	switch t.Type {
	case "string":
		return scalar("StringPtr")
	case "boolean":
		return scalar("BoolPtr")
	case "integer":
		return scalar("Int32Ptr")
	case "long":
		return scalar("Int64Ptr")
	case "double":
		return scalar("Float64Ptr")
	case "timestamp":
		if err := s.checkTimestamp(mem); err != nil {
			return "", err
		}
		return scalar(s.f.readTime)
	case "enum":
		s.useTypes()
		return fmt.Sprintf("%s(r.String())", typ), nil
	case "structure":
		if s.page != nil {
			return "d." + s.pageStruct(t) + "()", nil
		}
		return s.decodeStruct(t) + "(r)", nil
	case "list":
		if s.page != nil {
			fn, err := s.pageList(t)
			return "d." + fn + "()", err
		}
		fn, err := s.decodeList(t)
		return fn + "(r)", err
	}
	return "", fmt.Errorf("the generator does not decode %s members", t.Type)
}

// decodeStruct queues the decoder of a structure reached by pointer and
// returns its name.
func (s *serdeWriter) decodeStruct(t *smithymodel.Shape) string {
	name := smithymodel.Name(t.ID)
	fn := "decode" + name + s.f.suffix
	s.need(fn, func() error {
		cases, err := s.cases("v", t, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		s.useTypes()
		s.printf("\n%sfunc %s(r *%s) *types.%s {\n\tif r.Null() {\n\t\treturn nil\n\t}\n\tv := &types.%s{}\n%s\treturn v\n}\n",
			comment(fmt.Sprintf("%s reads %s; null gives nil.", fn, article(name))), fn, s.f.reader, name, name, s.loop("it", cases))
		return nil
	})
	return fn
}

// decodeList queues the decoder of a list and returns its name. A list
// of structures is named after its shape, a list of strings or enums after
// its element type, as lists of the same element type share it.
func (s *serdeWriter) decodeList(t *smithymodel.Shape) (string, error) {
	elem, err := s.shape(t.Member.Target)
	if err != nil {
		return "", err
	}
	elemType, err := s.g.goType(t.Member, true, "types.", map[string]bool{})
	if err != nil {
		return "", err
	}
	var fn, read, doc string
	switch elem.Type {
	case "string", "enum":
		base := elemType
		if elem.Type == "enum" {
			base = smithymodel.Name(elem.ID)
			read = fmt.Sprintf("%s(r.String())", elemType)
		} else {
			read = "r.String()"
		}
		fn = "decode" + exported(base) + "List" + s.f.suffix
		doc = fmt.Sprintf("%s reads a list of %s values; null gives nil and a null element \"\", as in the official client.", fn, base)
	case "structure":
		name := smithymodel.Name(elem.ID)
		cases, err := s.cases("v", elem, nil)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		fn = "decode" + smithymodel.Name(t.ID) + s.f.suffix
		doc = fmt.Sprintf("%s reads a list of %s values; null gives nil and a null element a zero %s, as in the official client.", fn, name, name)
		read = "\n" + s.loop("item", cases)
	default:
		return "", fmt.Errorf("the generator does not decode lists of %s (%s)", elem.Type, t.ID)
	}
	s.need(fn, func() error {
		room := ""
		if s.f.room {
			room = "\t\tlist = jsonwire.Room(r, &it, list)\n"
		}
		var item string
		if strings.HasPrefix(read, "\n") {
			loop := strings.ReplaceAll(read[1:], "\n\t", "\n\t\t")
			item = fmt.Sprintf("\t\tvar v %s\n\t%s\t\tlist = append(list, v)\n", elemType, loop)
		} else {
			item = fmt.Sprintf("\t\tlist = append(list, %s)\n", read)
		}
		if strings.Contains(elemType, "types.") {
			s.useTypes()
		}
		s.printf("\n%sfunc %s(r *%s) []%s {\n\tif r.Null() {\n\t\treturn nil\n\t}\n\tlist := []%s{}\n\tit := r.%s()\n\tfor r.More(&it) {\n%s%s\t}\n\treturn list\n}\n",
			comment(doc), fn, s.f.reader, elemType, elemType, s.f.readList, room, item)
		return nil
	})
	return fn, nil
}

// messageAlias lets the message member of an error answer to "message"
// and "Message" alike, as the official clients read it.
func messageAlias(mem *smithymodel.Member) []string {
	switch mem.Name {
	case "message":
		return []string{"Message"}
	case "Message":
		return []string{"message"}
	}
	return nil
}

// errorDecoders writes the decoders of the typed errors that carry more
// than a message (the others are read by apierror.DecodeMessage). When the
// overlay sets ErrorMembersDecoder, one decoder of that name reads the
// members every error carries into errorMembers for all.
func (s *serdeWriter) errorDecoders() error {
	errs := s.g.sortedShapes(func(t *smithymodel.Shape) bool {
		return t.Type == "structure" && t.Traits.Has(smithymodel.TraitError)
	})
	var rich []*smithymodel.Shape
	for _, e := range errs {
		for _, mem := range e.Members {
			if !strings.EqualFold(mem.Name, "message") {
				rich = append(rich, e)
				break
			}
		}
	}
	if len(rich) == 0 {
		return nil
	}
	s.imports[s.f.pkg] = true
	if fn := s.g.svc.ErrorMembersDecoder; fn != "" {
		if len(rich) != len(errs) || !sameMembers(rich) {
			return fmt.Errorf("overlay.go sets ErrorMembersDecoder, but the errors do not all carry the same members")
		}
		return s.sharedErrorMembers(rich[0], fn)
	}
	for _, e := range rich {
		name := smithymodel.Name(e.ID)
		cases, err := s.cases("e", e, messageAlias)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		s.useTypes()
		s.printf("\n%sfunc decode%s(r *%s) error {\n\te := &types.%s{}\n%s\treturn e\n}\n",
			comment(fmt.Sprintf("decode%s reads the members of %s; the message may be written \"message\" or \"Message\".", name, article(name))),
			name, s.f.reader, name, s.loop("it", cases))
	}
	return nil
}

// sameMembers reports whether the shapes have the same members, with the
// same targets, in the same order.
func sameMembers(shapes []*smithymodel.Shape) bool {
	first := shapes[0].Members
	for _, t := range shapes[1:] {
		if len(t.Members) != len(first) {
			return false
		}
		for i, mem := range t.Members {
			if mem.Name != first[i].Name || mem.Target != first[i].Target {
				return false
			}
		}
	}
	return true
}

// sharedErrorMembers writes errorMembers and its decoder fn, which read
// the members every error of the service carries.
func (s *serdeWriter) sharedErrorMembers(e *smithymodel.Shape, fn string) error {
	var fields strings.Builder
	for _, mem := range e.Members {
		typ, err := s.g.goType(mem, false, "types.", map[string]bool{})
		if err != nil {
			return err
		}
		fmt.Fprintf(&fields, "\t%s %s\n", unexported(mem.Name), typ)
	}
	c := s.newCases("errorMemberNames", e.Members, messageAlias)
	for _, mem := range e.Members {
		value, err := s.decodeValue(mem)
		if err != nil {
			return err
		}
		c.add(append([]string{s.wireName(mem)}, messageAlias(mem)...), fmt.Sprintf("m.%s = %s", unexported(mem.Name), value))
	}
	s.printf("\n// errorMembers are the members every error of the service carries.\ntype errorMembers struct {\n%s}\n", fields.String())
	s.printf("\n%sfunc %s(r *%s) errorMembers {\n\tvar m errorMembers\n%s\treturn m\n}\n",
		comment(fn+" reads the members of an error body; the message may be written \"message\" or \"Message\"."),
		fn, s.f.reader, s.loop("it", c))
	return nil
}

// unexported returns the name of a member as an unexported Go field.
func unexported(name string) string {
	return strings.ToLower(name[:1]) + name[1:]
}

// article returns name preceded by "a" or "an".
func article(name string) string {
	if strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// decodePage writes the output decoder in the page layout: the output
// decoder, the pageDecoder type whose methods read the nested structures
// and lists, and those methods.
func (s *serdeWriter) decodePage(out *smithymodel.Shape, page *pageLayout) error {
	if page.TypicalBytes <= 0 || page.LongList <= 0 {
		return fmt.Errorf("the page layout needs TypicalBytes and LongList")
	}
	s.page = page
	defer func() { s.page = nil }()
	s.pageOutput = true
	cases, err := s.cases("out", out, nil)
	s.pageOutput = false
	if err != nil {
		return fmt.Errorf("%sOutput: %w", s.opName, err)
	}
	s.imports[s.f.pkg] = true
	name := "decode" + s.opName + "Output"
	s.printf("\n%sfunc %s(r *%s, out *%sOutput) {\n\td := pageDecoder{r: r}\n%s}\n",
		comment(name+" reads the body of a response; members it does not know are skipped."),
		name, s.f.reader, s.opName, s.loop("it", cases))
	mark := s.b.Len()
	if err := s.drain(); err != nil {
		return err
	}
	for shape := range page.Nested {
		if !s.done["page list "+shape] {
			return fmt.Errorf("the page layout names %s, which the output does not reach", shape)
		}
	}
	methods := append([]byte(nil), s.b.Bytes()[mark:]...)
	s.b.Truncate(mark)
	s.printf("\n// pageDecoder reads one page. The structures the page's elements point to\n"+
		"// share a few slabs and each nested list shape one backing array, so a\n"+
		"// page of a hundred elements costs tens of allocations, not hundreds.\n"+
		"type pageDecoder struct {\n\tr *%s\n%s}\n", s.f.reader, strings.Join(s.pageFields, ""))
	s.printf("\n// expect sizes each slab for about n elements of the page's list.\nfunc (d *pageDecoder) expect(n int) {\n")
	for _, field := range s.pageSlabs {
		s.printf("\td.%s.Expect(n)\n", field)
	}
	s.printf("}\n")
	s.printf("\n// longList is the length past which the page's list is sized by counting\n// the rest of its array.\nconst longList = %d\n", page.LongList)
	s.printf("\n// typicalElementBytes is about the JSON length of an element of the page's\n"+
		"// list with every member set and its usual nested elements; the list is\n// first sized from it.\nconst typicalElementBytes = %d\n", page.TypicalBytes)
	s.b.Write(methods)
	return nil
}

// pageStruct queues the pageDecoder method that reads a structure reached
// by pointer into the slab of its type, and returns the method's name.
func (s *serdeWriter) pageStruct(t *smithymodel.Shape) string {
	name := smithymodel.Name(t.ID)
	method := unexported(name)
	s.need("page struct "+name, func() error {
		if s.done["page element "+name] {
			return fmt.Errorf("the page layout does not handle %s both by pointer and in a list", name)
		}
		cases, err := s.cases("v", t, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		s.useTypes()
		field := unexported(name) + "s"
		s.pageFields = append(s.pageFields, fmt.Sprintf("\t%s jsonwire.Slab[types.%s]\n", field, name))
		s.pageSlabs = append(s.pageSlabs, field)
		s.printf("\n%sfunc (d *pageDecoder) %s() *types.%s {\n\tr := d.r\n\tif r.Null() {\n\t\treturn nil\n\t}\n\tv := d.%s.New()\n%s\treturn v\n}\n",
			comment(fmt.Sprintf("%s reads %s into the page's slab; null gives nil.", method, article(name))),
			method, name, field, s.loop("it", cases))
		return nil
	})
	return method
}

// pageList queues the pageDecoder method that reads a list of structures
// and returns its name: a list of the page when it is a member of the
// output, else a nested list sharing the page's backing array of its
// element type.
func (s *serdeWriter) pageList(t *smithymodel.Shape) (string, error) {
	elem, err := s.shape(t.Member.Target)
	if err != nil {
		return "", err
	}
	if elem.Type != "structure" {
		return "", fmt.Errorf("the page layout handles only lists of structures (%s)", t.ID)
	}
	listName, elemName := smithymodel.Name(t.ID), smithymodel.Name(elem.ID)
	method := unexported(listName)
	if s.pageOutput {
		s.need("page list "+listName, func() error { return s.pageTopList(method, elemName, elem) })
		return method, nil
	}
	if _, ok := s.page.Nested[listName]; !ok {
		return "", fmt.Errorf("the page layout needs the typical length of the nested list %s", listName)
	}
	s.need("page list "+listName, func() error {
		for _, mem := range elem.Members {
			if mt := s.g.m.Shape(mem.Target); mt != nil && mt.Type == "list" {
				return fmt.Errorf("the page layout does not handle lists inside the elements of the nested list %s", listName)
			}
		}
		s.done["page element "+elemName] = true
		cases, err := s.cases("v", elem, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", elemName, err)
		}
		s.useTypes()
		field := unexported(elemName) + "s"
		s.pageFields = append(s.pageFields, fmt.Sprintf("\t%s []types.%s\n", field, elemName))
		doc := comment(fmt.Sprintf("%s reads a list of %s values into the page's shared backing array; the returned slice is capped at its length, "+
			"so an append by the caller copies instead of overwriting a neighbour. A null element becomes a zero %s, as in the official client.",
			method, elemName, elemName))
		s.printf("\n%sfunc (d *pageDecoder) %s() []types.%s {\n\tr := d.r\n\tif r.Null() {\n\t\treturn nil\n\t}\n", doc, method, elemName)
		s.printf("\tstart := len(d.%s)\n\tit := r.Array()\n\tfor r.More(&it) {\n", field)
		s.printf("\t\td.%[1]s = append(d.%[1]s, types.%[2]s{})\n\t\tv := &d.%[1]s[len(d.%[1]s)-1]\n%[3]s\t}\n", field, elemName, s.loop("item", cases))
		s.printf("\tif len(d.%[1]s) == start {\n\t\treturn []types.%[2]s{}\n\t}\n\treturn d.%[1]s[start:len(d.%[1]s):len(d.%[1]s)]\n}\n", field, elemName)
		return nil
	})
	return method, nil
}

// pageTopList writes the pageDecoder method that reads a list of the
// page, sized from the bytes left to read, and the method that reads one
// of its elements in place.
func (s *serdeWriter) pageTopList(method, elemName string, elem *smithymodel.Shape) error {
	s.done["page element "+elemName] = true
	s.imports["slices"] = true
	s.useTypes()
	var nested strings.Builder
	shapes := make([]string, 0, len(s.page.Nested))
	for shape := range s.page.Nested {
		shapes = append(shapes, shape)
	}
	sort.Strings(shapes)
	for _, shape := range shapes {
		list := s.g.m.Shape(smithymodel.Namespace(elem.ID) + "#" + shape)
		if list == nil || list.Type != "list" {
			return fmt.Errorf("the page layout names %s, which is no list shape", shape)
		}
		name := smithymodel.Name(list.Member.Target)
		fmt.Fprintf(&nested, "\tif d.%[1]ss == nil {\n\t\td.%[1]ss = make([]types.%[2]s, 0, %[3]d*estimate)\n\t}\n", unexported(name), name, s.page.Nested[shape])
	}
	elemMethod := unexported(elemName)
	doc := comment(fmt.Sprintf("%s reads a list of the page. A null element becomes a zero %s, as it does in the official client.", method, elemName))
	s.printf("\n%sfunc (d *pageDecoder) %s() []types.%s {\n\tr := d.r\n\tif r.Null() {\n\t\treturn nil\n\t}\n", doc, method, elemName)
	s.printf("\t// Size the list, and the nested lists, from the bytes left, at an\n" +
		"\t// element's typical length, so a page of about the usual elements grows\n\t// none of them.\n")
	s.printf("\testimate := min(r.Unread()/typicalElementBytes+1, longList)\n\tlist := make([]types.%s, 0, estimate)\n\td.expect(estimate)\n%s", elemName, nested.String())
	s.printf("\tcounted := false\n\tit := r.Array()\n\tfor r.More(&it) {\n\t\tif !counted && len(list) >= longList && len(list) == cap(list) {\n" +
		"\t\t\tcounted = true\n\t\t\t// A long page: count the rest once rather than copy the elements\n\t\t\t// at every doubling.\n" +
		"\t\t\tif n := r.CountElements(it); n > 0 {\n\t\t\t\tlist = slices.Grow(list, n)\n\t\t\t}\n\t\t}\n")
	s.printf("\t\tlist = append(list, types.%s{})\n\t\td.%s(&list[len(list)-1])\n\t}\n\treturn list\n}\n", elemName, elemMethod)
	cases, err := s.cases("v", elem, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", elemName, err)
	}
	s.printf("\n// %s reads one element of the page's list in place.\nfunc (d *pageDecoder) %s(v *types.%s) {\n\tr := d.r\n%s}\n",
		elemMethod, elemMethod, elemName, s.loop("it", cases))
	return nil
}
