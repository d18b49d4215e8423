// Command stdlib describes std functions for the oracle: for each name given as an argument
// ("fmt.Println", "(*strings.Builder).WriteString", "time.Time.Sub" or a package
// variable "os.Stdout"), it prints, as JSON, the go/types signature and the source positions of
// the declaration and of each parameter, read by type-checking the std package from source.
// oracle/stdlib.ts pairs those positions with what `go build -gcflags=<pkg>=-m` prints.
package main

import (
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"regexp"
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
	Kind      string      `json:"kind"`               // "func" or "var"
	Signature string      `json:"signature"`          // types.ObjectString
	Type      string      `json:"type"`               // the object's type alone
	Position  string      `json:"position"`           // file:line:column of the declared name
	Receiver  *parameter  `json:"receiver,omitempty"` // the receiver, for methods
	Params    []parameter `json:"params"`             // parameters in order
	Results   []string    `json:"results"`            // result types in order
}

// methodName matches "(*pkg.Type).Method" and "pkg.Type.Method".
var methodName = regexp.MustCompile(`^\((\*?)([\w/]+)\.(\w+)\)\.(\w+)$|^([\w/]+)\.(\w+)\.(\w+)$`)

func main() {
	fileSet := token.NewFileSet()
	source := importer.ForCompiler(fileSet, "source", nil)
	described := []function{}
	for _, name := range os.Args[1:] {
		object, err := lookup(source, name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "stdlib: %s: %v\n", name, err)
			os.Exit(1)
		}
		described = append(described, describe(fileSet, name, object))
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(described); err != nil {
		fmt.Fprintln(os.Stderr, "stdlib:", err)
		os.Exit(1)
	}
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
		Name:      name,
		Package:   object.Pkg().Path(),
		Kind:      "var",
		Signature: types.ObjectString(object, nil),
		Type:      object.Type().String(),
		Position:  fileSet.Position(object.Pos()).String(),
		Params:    []parameter{},
		Results:   []string{},
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
	}
	return described
}
