package kit

import (
	"fmt"
	"reflect"
)

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

func fmtAny(v any) string { return fmt.Sprintf("%#v", v) }
