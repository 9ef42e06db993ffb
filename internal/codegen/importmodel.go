package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// dropped are the object keys an imported model loses: AWS's prose (the
// documentation traits, endpoint test and rule parameter descriptions) and
// examples. What remains are API facts.
var dropped = map[string]bool{
	"smithy.api#documentation": true,
	"smithy.api#examples":      true,
	"documentation":            true,
}

// importModels copies the model of each service from dir into
// internal/codegen/models, without the keys in dropped and keeping the
// order of every object's keys.
func importModels(dir, root string) error {
	for _, svc := range services {
		data, err := os.ReadFile(filepath.Join(dir, svc.Name+".json"))
		if err != nil {
			return err
		}
		var out bytes.Buffer
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := copyValue(dec, &out); err != nil {
			return fmt.Errorf("%s: %w", svc.Name, err)
		}
		var indented bytes.Buffer
		if err := json.Indent(&indented, out.Bytes(), "", "    "); err != nil {
			return err
		}
		indented.WriteByte('\n')
		if err := os.WriteFile(filepath.Join(root, "internal", "codegen", "models", svc.Name+".json"), indented.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyValue copies one JSON value from dec to w, leaving out the members
// of objects whose keys are in dropped.
func copyValue(dec *json.Decoder, w *bytes.Buffer) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			w.WriteByte('{')
			first := true
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key := keyTok.(string)
				if dropped[key] {
					if err := copyValue(dec, &bytes.Buffer{}); err != nil {
						return err
					}
					continue
				}
				if !first {
					w.WriteByte(',')
				}
				first = false
				writeJSON(w, key)
				w.WriteByte(':')
				if err := copyValue(dec, w); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			w.WriteByte('}')
		case '[':
			w.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					w.WriteByte(',')
				}
				if err := copyValue(dec, w); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			w.WriteByte(']')
		}
	case nil:
		w.WriteString("null")
	default:
		writeJSON(w, tok)
	}
	return nil
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	// Encode ends with a newline, which json.Indent later drops as
	// insignificant whitespace.
}
