//! Merging split modules into one module that does what instantiating each of
//! them in turn does.
//!
//! A split module imports everything it shares (the first module's memory,
//! function table and stack pointer) from `"__wasm_split"`, defines functions
//! and globals, and puts its functions into the shared table and its data into
//! the shared memory with active segments at fixed places. It exports nothing.
//! So the modules of a page can be one module: each import once (the same
//! name must have the same type everywhere), every module's types, functions,
//! globals, element and data segments one after another, their indices
//! renumbered, and the modules' start functions called in their order. The
//! segments land in the same table slots and addresses as before, and the
//! page instantiates one module instead of dozens.
//!
//! Anything a split module does not do (define a table, a memory or a tag,
//! export something) is refused with the reason: merging it would change
//! what the page gets.

use std::collections::HashMap;

use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasm_encoder::{
    CodeSection, DataCountSection, DataSection, ElementSection, EntityType, Function,
    FunctionSection, GlobalSection, ImportSection, Instruction, Module, StartSection, TypeSection,
};
use wasmparser::{
    DataSectionReader, ElementSectionReader, FuncType, FunctionBody, GlobalSectionReader, Import,
    Parser, Payload, TypeRef, TypeSectionReader, Validator, WasmFeatures,
};

use crate::Error;

/// One input module, read.
struct Input<'a> {
    /// Its function types, by index (split modules use no GC types).
    types: Vec<FuncType>,
    type_section: Option<TypeSectionReader<'a>>,
    imports: Vec<Import<'a>>,
    /// The type of each function it defines.
    functions: Vec<u32>,
    globals: Option<GlobalSectionReader<'a>>,
    global_count: u32,
    start: Option<u32>,
    elements: Option<ElementSectionReader<'a>>,
    element_count: u32,
    data: Option<DataSectionReader<'a>>,
    data_count: u32,
    has_data_count: bool,
    code: Vec<FunctionBody<'a>>,
}

/// Checks that `bytes` is a valid module with every feature the app's build
/// may use.
pub fn validate(bytes: &[u8]) -> Result<(), Error> {
    Validator::new_with_features(WasmFeatures::all())
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| format!("not a valid WebAssembly module: {e}").into())
}

fn read<'a>(name: &str, bytes: &'a [u8]) -> Result<Input<'a>, Error> {
    validate(bytes).map_err(|e| format!("{name}: {e}"))?;
    let mut input = Input {
        types: Vec::new(),
        type_section: None,
        imports: Vec::new(),
        functions: Vec::new(),
        globals: None,
        global_count: 0,
        start: None,
        elements: None,
        element_count: 0,
        data: None,
        data_count: 0,
        has_data_count: false,
        code: Vec::new(),
    };
    let refuse = |what: &str| -> Error {
        format!(
            "{name}: a split module does not {what}; merging it would change what the page gets"
        )
        .into()
    };
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::TypeSection(reader) => {
                for ty in reader.clone().into_iter_err_on_gc_types() {
                    input.types.push(ty?);
                }
                input.type_section = Some(reader);
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    input.imports.push(import?);
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    input.functions.push(ty?);
                }
            }
            Payload::GlobalSection(reader) => {
                input.global_count = reader.count();
                input.globals = Some(reader);
            }
            Payload::StartSection { func, .. } => input.start = Some(func),
            Payload::ElementSection(reader) => {
                input.element_count = reader.count();
                input.elements = Some(reader);
            }
            Payload::DataCountSection { .. } => input.has_data_count = true,
            Payload::DataSection(reader) => {
                input.data_count = reader.count();
                input.data = Some(reader);
            }
            Payload::CodeSectionEntry(body) => input.code.push(body),
            Payload::TableSection(r) if r.count() > 0 => return Err(refuse("define a table")),
            Payload::MemorySection(r) if r.count() > 0 => return Err(refuse("define a memory")),
            Payload::TagSection(r) if r.count() > 0 => return Err(refuse("define a tag")),
            Payload::ExportSection(r) if r.count() > 0 => return Err(refuse("export anything")),
            // The header, empty sections, the code section's start and
            // custom sections (names, producers): nothing to carry over.
            _ => {}
        }
    }
    Ok(input)
}

/// An import, keyed by what it is, so that the same name imported with
/// another type is found.
#[derive(PartialEq)]
enum Kind {
    Func(FuncType),
    Other(TypeRef),
}

/// Where one input module's indices go in the merged module.
struct Renumber {
    types: u32,
    functions: Vec<u32>,
    globals: Vec<u32>,
    tables: Vec<u32>,
    memories: Vec<u32>,
    elements: u32,
    data: u32,
}

fn at(map: &[u32], index: u32, what: &str) -> Result<u32, ReencodeError<String>> {
    map.get(index as usize)
        .copied()
        .ok_or_else(|| ReencodeError::UserError(format!("{what} {index} is out of range")))
}

impl Reencode for Renumber {
    type Error = String;

    fn type_index(&mut self, ty: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.types + ty)
    }
    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        at(&self.functions, func, "function")
    }
    fn global_index(&mut self, global: u32) -> Result<u32, ReencodeError<String>> {
        at(&self.globals, global, "global")
    }
    fn table_index(&mut self, table: u32) -> Result<u32, ReencodeError<String>> {
        at(&self.tables, table, "table")
    }
    fn memory_index(&mut self, memory: u32) -> Result<u32, ReencodeError<String>> {
        at(&self.memories, memory, "memory")
    }
    fn element_index(&mut self, element: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.elements + element)
    }
    fn data_index(&mut self, data: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.data + data)
    }
}

fn reencoded<T>(result: Result<T, ReencodeError<String>>) -> Result<T, Error> {
    result.map_err(|e| match e {
        ReencodeError::UserError(text) => text.into(),
        other => format!("{other}").into(),
    })
}

/// Merges `modules` (each a name for messages, and its bytes) into one
/// module, in their order. The result imports each name once, as the
/// modules do, and is validated before it is returned.
pub fn merge(modules: &[(&str, &[u8])]) -> Result<Vec<u8>, Error> {
    if modules.is_empty() {
        return Err("nothing to merge".into());
    }
    let inputs = modules
        .iter()
        .map(|(name, bytes)| read(name, bytes))
        .collect::<Result<Vec<_>, _>>()?;

    // Each import once, in the order first met; the same name must be the
    // same kind of thing with the same type in every module.
    struct Merged<'a> {
        import: Import<'a>,
        kind: Kind,
        /// The module that first imports it: its type index is that one's.
        from: usize,
    }
    let mut imports: Vec<Merged> = Vec::new();
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for (m, input) in inputs.iter().enumerate() {
        for import in &input.imports {
            let kind = match import.ty {
                TypeRef::Func(ty) => Kind::Func(input.types[ty as usize].clone()),
                other => Kind::Other(other),
            };
            match seen.get(&(import.module, import.name)) {
                Some(&k) if imports[k].kind != kind => {
                    return Err(format!(
                        "{} imports {}.{} otherwise than {} does; the modules cannot be merged",
                        modules[m].0, import.module, import.name, modules[imports[k].from].0
                    )
                    .into())
                }
                Some(_) => {}
                None => {
                    seen.insert((import.module, import.name), imports.len());
                    imports.push(Merged {
                        import: *import,
                        kind,
                        from: m,
                    });
                }
            }
        }
    }
    let count =
        |pick: fn(&TypeRef) -> bool| imports.iter().filter(|i| pick(&i.import.ty)).count() as u32;
    let imported_functions = count(|t| matches!(t, TypeRef::Func(_)));
    let imported_globals = count(|t| matches!(t, TypeRef::Global(_)));
    // The merged import number of each import, among those of its kind.
    let mut number_in_kind = Vec::with_capacity(imports.len());
    let mut per_kind = [0u32; 5];
    for merged in &imports {
        let k = kind_slot(&merged.import.ty);
        number_in_kind.push(per_kind[k]);
        per_kind[k] += 1;
    }

    let mut maps = Vec::with_capacity(inputs.len());
    let (mut types, mut functions, mut globals, mut elements, mut data) =
        (0u32, imported_functions, imported_globals, 0u32, 0u32);
    for input in &inputs {
        let mut map = Renumber {
            types,
            functions: Vec::new(),
            globals: Vec::new(),
            tables: Vec::new(),
            memories: Vec::new(),
            elements,
            data,
        };
        for import in &input.imports {
            let n = number_in_kind[seen[&(import.module, import.name)]];
            match import.ty {
                TypeRef::Func(_) => map.functions.push(n),
                TypeRef::Global(_) => map.globals.push(n),
                TypeRef::Table(_) => map.tables.push(n),
                TypeRef::Memory(_) => map.memories.push(n),
                TypeRef::Tag(_) | TypeRef::FuncExact(_) => {
                    return Err("a split module does not import tags or exact functions".into())
                }
            }
        }
        map.functions
            .extend(functions..functions + input.functions.len() as u32);
        map.globals.extend(globals..globals + input.global_count);
        types += input.types.len() as u32;
        functions += input.functions.len() as u32;
        globals += input.global_count;
        elements += input.element_count;
        data += input.data_count;
        maps.push(map);
    }

    // The start functions, in the modules' order; several are called from
    // one new function.
    let starts: Vec<u32> = inputs
        .iter()
        .zip(&maps)
        .filter_map(|(input, map)| input.start.map(|s| map.functions[s as usize]))
        .collect();
    let caller = (starts.len() > 1).then_some((types, functions));

    let mut module = Module::new();
    let mut type_section = TypeSection::new();
    for (input, map) in inputs.iter().zip(maps.iter_mut()) {
        if let Some(reader) = input.type_section.clone() {
            reencoded(map.parse_type_section(&mut type_section, reader))?;
        }
    }
    if caller.is_some() {
        type_section.ty().function([], []);
    }
    module.section(&type_section);

    let mut import_section = ImportSection::new();
    for merged in &imports {
        let ty: EntityType = reencoded(maps[merged.from].entity_type(merged.import.ty))?;
        import_section.import(merged.import.module, merged.import.name, ty);
    }
    module.section(&import_section);

    let mut function_section = FunctionSection::new();
    for (input, map) in inputs.iter().zip(&maps) {
        for &ty in &input.functions {
            function_section.function(map.types + ty);
        }
    }
    if let Some((ty, _)) = caller {
        function_section.function(ty);
    }
    module.section(&function_section);

    let mut global_section = GlobalSection::new();
    for (input, map) in inputs.iter().zip(maps.iter_mut()) {
        if let Some(reader) = input.globals.clone() {
            reencoded(map.parse_global_section(&mut global_section, reader))?;
        }
    }
    if !global_section.is_empty() {
        module.section(&global_section);
    }

    match (caller, starts.first()) {
        (Some((_, function)), _) => module.section(&StartSection {
            function_index: function,
        }),
        (None, Some(&function)) => module.section(&StartSection {
            function_index: function,
        }),
        (None, None) => &mut module,
    };

    let mut element_section = ElementSection::new();
    for (input, map) in inputs.iter().zip(maps.iter_mut()) {
        if let Some(reader) = input.elements.clone() {
            reencoded(map.parse_element_section(&mut element_section, reader))?;
        }
    }
    if !element_section.is_empty() {
        module.section(&element_section);
    }

    if inputs.iter().any(|i| i.has_data_count) {
        module.section(&DataCountSection { count: data });
    }

    let mut code_section = CodeSection::new();
    for (input, map) in inputs.iter().zip(maps.iter_mut()) {
        for body in &input.code {
            reencoded(map.parse_function_body(&mut code_section, body.clone()))?;
        }
    }
    if caller.is_some() {
        let mut call_each = Function::new([]);
        for &start in &starts {
            call_each.instruction(&Instruction::Call(start));
        }
        call_each.instruction(&Instruction::End);
        code_section.function(&call_each);
    }
    module.section(&code_section);

    let mut data_section = DataSection::new();
    for (input, map) in inputs.iter().zip(maps.iter_mut()) {
        if let Some(reader) = input.data.clone() {
            reencoded(map.parse_data_section(&mut data_section, reader))?;
        }
    }
    if !data_section.is_empty() {
        module.section(&data_section);
    }

    let bytes = module.finish();
    validate(&bytes).map_err(|e| format!("the merged module is {e}"))?;
    Ok(bytes)
}

/// Imports are numbered per kind: functions, tables, memories, globals, tags.
fn kind_slot(ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Func(_) | TypeRef::FuncExact(_) => 0,
        TypeRef::Table(_) => 1,
        TypeRef::Memory(_) => 2,
        TypeRef::Global(_) => 3,
        TypeRef::Tag(_) => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, ConstExpr as C, DataSection, ElementSection, Elements, ExportKind,
        ExportSection, GlobalType, MemoryType, RefType, TableType, ValType,
    };

    fn memory(minimum: u64) -> EntityType {
        EntityType::Memory(MemoryType {
            minimum,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        })
    }
    fn table() -> EntityType {
        EntityType::Table(TableType {
            element_type: RefType::FUNCREF,
            minimum: 10,
            maximum: None,
            table64: false,
            shared: false,
        })
    }
    fn stack_pointer() -> EntityType {
        EntityType::Global(GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        })
    }
    fn constant() -> GlobalType {
        GlobalType {
            val_type: ValType::I32,
            mutable: false,
            shared: false,
        }
    }

    /// A split module in small: it imports `imports` from "__wasm_split",
    /// has the types `(func)` and `(func (param i32))` and the functions
    /// `bodies` (each with its type and instructions), defines `globals`
    /// constants, puts its first function into the table at `slot` and
    /// `data` into memory at `address`, and starts with function `start`.
    struct Split<'a> {
        imports: Vec<(&'a str, EntityType)>,
        bodies: Vec<(u32, Vec<Instruction<'a>>)>,
        globals: Vec<i32>,
        slot: i32,
        address: i32,
        data: &'a [u8],
        start: Option<u32>,
        export: bool,
    }

    impl Split<'_> {
        fn bytes(&self) -> Vec<u8> {
            let mut module = Module::new();
            let mut types = TypeSection::new();
            types.ty().function([], []);
            types.ty().function([ValType::I32], []);
            module.section(&types);
            let mut imports = ImportSection::new();
            for (name, ty) in &self.imports {
                imports.import("__wasm_split", name, *ty);
            }
            module.section(&imports);
            let mut functions = FunctionSection::new();
            for (ty, _) in &self.bodies {
                functions.function(*ty);
            }
            module.section(&functions);
            if !self.globals.is_empty() {
                let mut globals = GlobalSection::new();
                for &value in &self.globals {
                    globals.global(constant(), &ConstExpr::i32_const(value));
                }
                module.section(&globals);
            }
            if self.export {
                let mut exports = ExportSection::new();
                exports.export("f", ExportKind::Func, 0);
                module.section(&exports);
            }
            if let Some(function_index) = self.start {
                module.section(&StartSection { function_index });
            }
            let imported = self
                .imports
                .iter()
                .filter(|(_, t)| matches!(t, EntityType::Function(_)))
                .count() as u32;
            let mut elements = ElementSection::new();
            elements.active(
                None,
                &C::i32_const(self.slot),
                Elements::Functions(vec![imported].into()),
            );
            module.section(&elements);
            let mut code = CodeSection::new();
            for (_, instructions) in &self.bodies {
                let mut f = Function::new([]);
                for i in instructions {
                    f.instruction(i);
                }
                f.instruction(&Instruction::End);
                code.function(&f);
            }
            module.section(&code);
            let mut data = DataSection::new();
            data.active(0, &C::i32_const(self.address), self.data.iter().copied());
            module.section(&data);
            let bytes = module.finish();
            validate(&bytes).expect("the test's module is valid");
            bytes
        }
    }

    /// Module A: memory, table and stack pointer imported in that order, a
    /// constant global (9), function 0 calls function 1 with 7, function 1
    /// stores its argument in the stack pointer; function 0 at slot 5, "aa"
    /// at 1024.
    fn a() -> Split<'static> {
        Split {
            imports: vec![
                ("memory", memory(1)),
                ("__indirect_function_table", table()),
                ("__wasm_split_shared0", stack_pointer()),
            ],
            bodies: vec![
                (0, vec![Instruction::I32Const(7), Instruction::Call(1)]),
                (1, vec![Instruction::LocalGet(0), Instruction::GlobalSet(0)]),
            ],
            globals: vec![9],
            slot: 5,
            address: 1024,
            data: b"aa",
            start: None,
            export: false,
        }
    }

    /// Module B: the same imports in another order, a constant global (3);
    /// its one function reads that global and calls through the table with
    /// its own type 1; at slot 6, "bb" at 2048.
    fn b() -> Split<'static> {
        Split {
            imports: vec![
                ("__wasm_split_shared0", stack_pointer()),
                ("__indirect_function_table", table()),
                ("memory", memory(1)),
            ],
            bodies: vec![(
                1,
                vec![
                    Instruction::GlobalGet(1),
                    Instruction::I32Const(0),
                    Instruction::CallIndirect {
                        type_index: 1,
                        table_index: 0,
                    },
                ],
            )],
            globals: vec![3],
            slot: 6,
            address: 2048,
            data: b"bb",
            start: None,
            export: false,
        }
    }

    fn merged(modules: &[Split]) -> Result<Vec<u8>, Error> {
        let bytes: Vec<Vec<u8>> = modules.iter().map(Split::bytes).collect();
        let named: Vec<(&str, &[u8])> = bytes
            .iter()
            .enumerate()
            .map(|(i, b)| (["a", "b", "c"][i], b.as_slice()))
            .collect();
        merge(&named)
    }

    /// Each function's instructions, as wasmparser writes them.
    fn bodies(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            if let Payload::CodeSectionEntry(body) = payload.unwrap() {
                let mut reader = body.get_operators_reader().unwrap();
                let mut ops = Vec::new();
                while !reader.eof() {
                    ops.push(format!("{:?}", reader.read().unwrap()));
                }
                out.push(ops);
            }
        }
        out
    }

    #[test]
    fn indices_are_renumbered_and_each_import_is_kept_once() {
        let bytes = merged(&[a(), b()]).unwrap();
        let mut imports = Vec::new();
        let mut globals = 0;
        let mut slots = Vec::new();
        let mut data = Vec::new();
        let mut start = None;
        for payload in Parser::new(0).parse_all(&bytes) {
            match payload.unwrap() {
                Payload::ImportSection(r) => {
                    for i in r.into_imports() {
                        imports.push(i.unwrap().name.to_string());
                    }
                }
                Payload::GlobalSection(r) => globals = r.count(),
                Payload::ElementSection(r) => {
                    for e in r {
                        let e = e.unwrap();
                        let wasmparser::ElementItems::Functions(f) = e.items else {
                            panic!()
                        };
                        let wasmparser::ElementKind::Active { offset_expr, .. } = e.kind else {
                            panic!()
                        };
                        let offset =
                            format!("{:?}", offset_expr.get_operators_reader().read().unwrap());
                        slots.push((
                            offset,
                            f.into_iter().map(Result::unwrap).collect::<Vec<_>>(),
                        ));
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        data.push(d.unwrap().data.to_vec());
                    }
                }
                Payload::StartSection { func, .. } => start = Some(func),
                _ => {}
            }
        }
        // A's order; B's imports are the same three.
        assert_eq!(
            imports,
            [
                "memory",
                "__indirect_function_table",
                "__wasm_split_shared0"
            ]
        );
        // The stack pointer (import), then A's global, then B's.
        assert_eq!(globals, 2);
        assert_eq!(start, None);
        // A's function 0 at slot 5; B's function (merged number 2) at slot 6.
        assert_eq!(
            slots,
            [
                ("I32Const { value: 5 }".to_string(), vec![0]),
                ("I32Const { value: 6 }".to_string(), vec![2])
            ]
        );
        assert_eq!(data, [b"aa".to_vec(), b"bb".to_vec()]);
        let code = bodies(&bytes);
        assert_eq!(code.len(), 3);
        // A's call stays on A's function 1; its stack pointer stays global 0.
        assert_eq!(code[0][1], "Call { function_index: 1 }");
        assert_eq!(code[1][1], "GlobalSet { global_index: 0 }");
        // B's own global 1 is merged global 2 (after A's); its type 1 is
        // merged type 3 (after A's two).
        assert_eq!(code[2][0], "GlobalGet { global_index: 2 }");
        assert_eq!(code[2][2], "CallIndirect { type_index: 3, table_index: 0 }");
    }

    #[test]
    fn start_functions_run_in_the_modules_order() {
        let (mut first, mut second) = (a(), b());
        first.bodies.push((0, vec![]));
        first.start = Some(2);
        second.bodies.push((0, vec![Instruction::Nop]));
        second.start = Some(1);
        let bytes = merged(&[first, second]).unwrap();
        let start_of = |bytes: &[u8]| {
            Parser::new(0)
                .parse_all(bytes)
                .find_map(|p| match p.unwrap() {
                    Payload::StartSection { func, .. } => Some(func),
                    _ => None,
                })
        };
        // A's three functions, B's two, then the one that calls both
        // starts: A's function 2 and B's function 1 (merged 4).
        assert_eq!(start_of(&bytes), Some(5));
        assert_eq!(
            bodies(&bytes)[5],
            [
                "Call { function_index: 2 }",
                "Call { function_index: 4 }",
                "End"
            ]
        );

        // One start is kept as it is, renumbered: B's one function first.
        let mut only = a();
        only.bodies.push((0, vec![]));
        only.start = Some(2);
        let bytes = merged(&[b(), only]).unwrap();
        assert_eq!(start_of(&bytes), Some(3));
        assert_eq!(bodies(&bytes).len(), 4);
    }

    #[test]
    fn a_name_imported_with_two_types_or_an_export_is_refused() {
        let mut other = b();
        other.imports[2] = ("memory", memory(2));
        let e = merged(&[a(), other]).unwrap_err().to_string();
        assert_eq!(
            e,
            "b imports __wasm_split.memory otherwise than a does; the modules cannot be merged"
        );

        let mut exporting = b();
        exporting.export = true;
        let e = merged(&[a(), exporting]).unwrap_err().to_string();
        assert!(
            e.starts_with("b: a split module does not export anything"),
            "{e}"
        );

        assert_eq!(merge(&[]).unwrap_err().to_string(), "nothing to merge");
        let e = merge(&[("junk", b"\0asm junk")]).unwrap_err().to_string();
        assert!(e.starts_with("junk: not a valid WebAssembly module"), "{e}");
    }
}
