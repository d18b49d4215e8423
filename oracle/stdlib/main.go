// Command stdlib describes std functions for the oracle: for each name given as an argument
// ("fmt.Println", "(*strings.Builder).WriteString", "time.Time.Sub" or a package
// variable "os.Stdout"), it prints, as JSON, the go/types signature and the source positions of
// the declaration and of each parameter, read by type-checking the std package from source.
// oracle/stdlib.ts pairs those positions with what `go build -gcflags=<pkg>=-m` prints.
//
// It also describes every std named type those signatures and variables mention (and the types
// of those types' exported fields): its underlying type, exported fields and exported methods,
// for oracle/stdlib.ts to measure with the real toolchain.
package main

import (
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"sort"
	"strings"
)

// parameter is one parameter or receiver of a function.
type parameter struct {
	Name     string `json:"name"`     // declared name, "" when unnamed
	Type     string `json:"type"`     // type as go/types prints it
	Position string `json:"position"` // file:line:column of the name
}

// function is what the oracle needs to know about one std function, method or variable.
type function struct {
	Name      string      `json:"name"`               // the requested name
	Package   string      `json:"package"`            // import path of the declaring package
	Kind      string      `json:"kind"`               // "func", "var" or "const"
	Value     string      `json:"value,omitempty"`    // for a constant: its exact value (constant.Value.ExactString)
	Signature string      `json:"signature"`          // types.ObjectString
	Type      string      `json:"type"`               // the object's type alone
	Position  string      `json:"position"`           // file:line:column of the declared name
	Receiver  *parameter  `json:"receiver,omitempty"` // the receiver, for methods
	Params    []parameter `json:"params"`             // parameters in order
	Results   []string    `json:"results"`            // result types in order
	// ResultNames are the results' names in order ("" for an unnamed result).
	ResultNames []string `json:"resultNames"`
}

// field is one field of a std struct type.
type field struct {
	Name     string `json:"name"`     // declared name (the type's name for an embedded field)
	Type     string `json:"type"`     // type as go/types prints it, packages by path
	Embedded bool   `json:"embedded"` // whether the field is embedded
	Exported bool   `json:"exported"` // whether user code can name it
}

// namedType is one std named type mentioned by a described signature or variable.
type namedType struct {
	Name       string   `json:"name"`             // "pkg/path.Name"
	Package    string   `json:"package"`          // import path of the declaring package
	Underlying string   `json:"underlying"`       // underlying type as go/types prints it, packages by path
	Fields     []field  `json:"fields,omitempty"` // fields in order, for structs
	Methods    []string `json:"methods"`          // exported methods of *T (of T for interfaces), sorted
}

// output is what the command prints.
type output struct {
	Functions []function  `json:"functions"` // the requested names, in order
	Types     []namedType `json:"types"`     // the named types they mention, by name
	// Exported lists, for each package a requested name belongs to, every exported name it
	// declares (modelled or not), sorted: a name not in it is undefined.
	Exported map[string][]string `json:"exported"`
}

// methodName matches "(*pkg.Type).Method" and "pkg.Type.Method".
var methodName = regexp.MustCompile(`^\((\*?)([\w/]+)\.(\w+)\)\.(\w+)$|^([\w/]+)\.(\w+)\.(\w+)$`)

func main() {
	fileSet := token.NewFileSet()
	source := importer.ForCompiler(fileSet, "source", nil)
	described := output{Functions: []function{}, Types: []namedType{}, Exported: map[string][]string{}}
	mentioned := map[string]*types.Named{}
	for _, name := range expandWildcards(source, os.Args[1:]) {
		object, err := lookup(source, name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "stdlib: %s: %v\n", name, err)
			os.Exit(1)
		}
		collectNamed(object.Type(), mentioned)
		if pkg := object.Pkg(); pkg != nil && described.Exported[pkg.Path()] == nil {
			exported := []string{}
			for _, member := range pkg.Scope().Names() {
				if token.IsExported(member) {
					exported = append(exported, member)
				}
			}
			described.Exported[pkg.Path()] = exported
		}
		if _, isType := object.(*types.TypeName); isType {
			continue // a type asked for by name ("reflect.SliceHeader") is described with the others
		}
		described.Functions = append(described.Functions, describe(fileSet, name, object))
	}
	names := make([]string, 0, len(mentioned))
	for name := range mentioned {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		described.Types = append(described.Types, describeNamed(name, mentioned[name]))
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(described); err != nil {
		fmt.Fprintln(os.Stderr, "stdlib:", err)
		os.Exit(1)
	}
}

// genericInstance matches an instantiated generic type in a type string ("iter.Seq[string]").
var genericInstance = regexp.MustCompile(`\w\[`)

// expandWildcards replaces each "pkg.*" by the package's exported functions (generic ones
// excepted), variables and constants, in name order, and drops repeated names.
func expandWildcards(source types.Importer, names []string) []string {
	var expanded []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			expanded = append(expanded, name)
		}
	}
	for _, name := range names {
		path, wildcard := strings.CutSuffix(name, ".*")
		if !wildcard {
			add(name)
			continue
		}
		pkg, err := source.Import(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "stdlib: %s: %v\n", name, err)
			os.Exit(1)
		}
		for _, member := range pkg.Scope().Names() {
			object := pkg.Scope().Lookup(member)
			if !object.Exported() {
				continue
			}
			switch object := object.(type) {
			case *types.Func:
				// Generic functions, and functions using instances of generic types (iter.Seq[string]), are left out.
				if signature, ok := object.Type().(*types.Signature); ok && (signature.TypeParams().Len() > 0 || genericInstance.MatchString(signature.String())) {
					continue
				}
			case *types.Var, *types.Const:
			default:
				continue
			}
			// Those whose types reach an unexported type are left out too (no program outside can measure it).
			if reachesUnexported(object.Type(), map[types.Type]bool{}) {
				continue
			}
			switch object.(type) {
			case *types.Func, *types.Var, *types.Const:
			default:
				continue
			}
			add(path + "." + member)
		}
	}
	return expanded
}

// reachesUnexported reports whether t mentions, through signatures, elements, exported
// struct fields and named types' underlying types, a named type that is not exported.
func reachesUnexported(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && !t.Obj().Exported() {
			return true
		}
		return reachesUnexported(t.Underlying(), seen)
	case *types.Pointer:
		return reachesUnexported(t.Elem(), seen)
	case *types.Slice:
		return reachesUnexported(t.Elem(), seen)
	case *types.Array:
		return reachesUnexported(t.Elem(), seen)
	case *types.Chan:
		return reachesUnexported(t.Elem(), seen)
	case *types.Map:
		return reachesUnexported(t.Key(), seen) || reachesUnexported(t.Elem(), seen)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if t.Field(i).Exported() && reachesUnexported(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tuple.Len(); i++ {
				if reachesUnexported(tuple.At(i).Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

// lookup finds the object a name refers to.
func lookup(source types.Importer, name string) (types.Object, error) {
	if match := methodName.FindStringSubmatch(name); match != nil {
		packagePath, typeName, method := match[2], match[3], match[4]
		if match[5] != "" {
			packagePath, typeName, method = match[5], match[6], match[7]
		}
		pkg, err := source.Import(packagePath)
		if err != nil {
			return nil, err
		}
		named, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
		if !ok {
			return nil, fmt.Errorf("no type %s in %s", typeName, packagePath)
		}
		object, _, _ := types.LookupFieldOrMethod(types.NewPointer(named.Type()), true, pkg, method)
		if object == nil {
			return nil, fmt.Errorf("no method %s", method)
		}
		return object, nil
	}
	dot := strings.LastIndex(name, ".")
	if dot < 0 {
		return nil, fmt.Errorf("not a qualified name")
	}
	pkg, err := source.Import(name[:dot])
	if err != nil {
		return nil, err
	}
	object := pkg.Scope().Lookup(name[dot+1:])
	if object == nil {
		return nil, fmt.Errorf("not found")
	}
	return object, nil
}

// describe turns an object into the JSON record.
func describe(fileSet *token.FileSet, name string, object types.Object) function {
	described := function{
		Name:        name,
		Package:     object.Pkg().Path(),
		Kind:        "var",
		Signature:   types.ObjectString(object, nil),
		Type:        object.Type().String(),
		Position:    fileSet.Position(object.Pos()).String(),
		Params:      []parameter{},
		Results:     []string{},
		ResultNames: []string{},
	}
	if constant, ok := object.(*types.Const); ok {
		described.Kind = "const"
		described.Value = constant.Val().ExactString()
		return described
	}
	signature, ok := object.Type().(*types.Signature)
	if !ok {
		return described
	}
	described.Kind = "func"
	describeVar := func(v *types.Var) parameter {
		return parameter{Name: v.Name(), Type: v.Type().String(), Position: fileSet.Position(v.Pos()).String()}
	}
	if receiver := signature.Recv(); receiver != nil {
		r := describeVar(receiver)
		described.Receiver = &r
	}
	for i := 0; i < signature.Params().Len(); i++ {
		p := describeVar(signature.Params().At(i))
		if signature.Variadic() && i == signature.Params().Len()-1 {
			p.Type = "..." + strings.TrimPrefix(p.Type, "[]")
		}
		described.Params = append(described.Params, p)
	}
	for i := 0; i < signature.Results().Len(); i++ {
		described.Results = append(described.Results, signature.Results().At(i).Type().String())
		described.ResultNames = append(described.ResultNames, signature.Results().At(i).Name())
	}
	return described
}

// byPath prints package-qualified names with the package's import path.
func byPath(pkg *types.Package) string { return pkg.Path() }

// collectNamed adds to seen the std named types t mentions: through pointers, slices, arrays,
// maps, channels and signatures, and through the exported fields of a named struct type (user
// code can reach those); not through unexported fields. Generic types and types of internal
// packages (which a user module cannot import) are left out.
func collectNamed(t types.Type, seen map[string]*types.Named) {
	switch t := t.(type) {
	case *types.Named:
		object := t.Obj()
		if object.Pkg() == nil || !object.Exported() || t.TypeParams().Len() > 0 || isInternal(object.Pkg().Path()) {
			return
		}
		name := object.Pkg().Path() + "." + object.Name()
		if _, ok := seen[name]; ok {
			return
		}
		seen[name] = t
		switch under := t.Underlying().(type) {
		case *types.Struct:
			for i := 0; i < under.NumFields(); i++ {
				if under.Field(i).Exported() {
					collectNamed(under.Field(i).Type(), seen)
				}
			}
		case *types.Interface, *types.Basic:
		default:
			// A slice, map, pointer... type spelled with other named types (unicode.SpecialCase is []unicode.CaseRange).
			collectNamed(under, seen)
		}
	case *types.Pointer:
		collectNamed(t.Elem(), seen)
	case *types.Slice:
		collectNamed(t.Elem(), seen)
	case *types.Array:
		collectNamed(t.Elem(), seen)
	case *types.Map:
		collectNamed(t.Key(), seen)
		collectNamed(t.Elem(), seen)
	case *types.Chan:
		collectNamed(t.Elem(), seen)
	case *types.Signature:
		if t.Recv() != nil {
			collectNamed(t.Recv().Type(), seen)
		}
		for i := 0; i < t.Params().Len(); i++ {
			collectNamed(t.Params().At(i).Type(), seen)
		}
		for i := 0; i < t.Results().Len(); i++ {
			collectNamed(t.Results().At(i).Type(), seen)
		}
	}
}

// isInternal reports whether an import path has an "internal" element.
func isInternal(path string) bool {
	for _, element := range strings.Split(path, "/") {
		if element == "internal" {
			return true
		}
	}
	return false
}

// describeNamed turns a named type into its JSON record.
func describeNamed(name string, t *types.Named) namedType {
	described := namedType{
		Name:       name,
		Package:    t.Obj().Pkg().Path(),
		Underlying: types.TypeString(t.Underlying(), byPath),
		Methods:    []string{},
	}
	if structure, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < structure.NumFields(); i++ {
			f := structure.Field(i)
			described.Fields = append(described.Fields, field{Name: f.Name(), Type: types.TypeString(f.Type(), byPath), Embedded: f.Embedded(), Exported: f.Exported()})
		}
	}
	var methods *types.MethodSet
	if types.IsInterface(t) {
		methods = types.NewMethodSet(t)
	} else {
		methods = types.NewMethodSet(types.NewPointer(t))
	}
	for i := 0; i < methods.Len(); i++ {
		if object := methods.At(i).Obj(); object.Exported() {
			described.Methods = append(described.Methods, object.Name())
		}
	}
	sort.Strings(described.Methods)
	return described
}
