//! The whole path a page's modules take in the release build, on a small
//! module built here: split it at two split points, check what the manifest
//! says about the modules written, then merge a split point's modules into
//! one and check that the result is valid and holds all their code.

use std::borrow::Cow;
use std::path::PathBuf;

use wasm_encoder::{
    CodeSection, CustomSection, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, Instruction, LinkingSection, MemorySection, MemoryType, Module, RefType,
    SymbolTable, TableSection, TableType, TypeSection, ValType,
};
use wasm_pages::{merge, split};
use wasmparser::{Parser, Payload};

/// The names wasm_split_macros gives a split point's import and export.
fn split_names(point: &str) -> (String, String) {
    let hash = "0123456789abcdef0123456789abcdef";
    (
        format!("__wasm_split_00{point}00_import_{hash}"),
        format!("__wasm_split_00{point}00_export_{hash}"),
    )
}

/// A module as the app's linker writes it, in small: `main` (exported, kept
/// in the first module), and two split points `alpha_1` and `beta_1` whose
/// bodies call `shared`, which only they reach (so it goes into a chunk both
/// need). As `split_point!` does, the module imports each split point's
/// loader from `./__wasm_split.js`.
///
/// Function indices: 0, 1 the placeholders wasm-split replaces; 2, 3 the
/// loaders; 4 shared, 5 alpha's body, 6 beta's body, 7 main.
fn app_module() -> Vec<u8> {
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    types.ty().function([ValType::I32, ValType::I32], []);
    module.section(&types);

    let (alpha_import, alpha_export) = split_names("alpha_1");
    let (beta_import, beta_export) = split_names("beta_1");
    let mut imports = ImportSection::new();
    imports.import(
        "__wasm_split_placeholder__",
        &alpha_import,
        wasm_encoder::EntityType::Function(0),
    );
    imports.import(
        "__wasm_split_placeholder__",
        &beta_import,
        wasm_encoder::EntityType::Function(0),
    );
    for point in ["alpha_1", "beta_1"] {
        let loader = format!("__wasm_split_load_{point}");
        imports.import(
            "./__wasm_split.js",
            &loader,
            wasm_encoder::EntityType::Function(1),
        );
    }
    module.section(&imports);

    let mut functions = FunctionSection::new();
    for _ in 4..=7 {
        functions.function(0);
    }
    module.section(&functions);

    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        minimum: 1,
        maximum: None,
        table64: false,
        shared: false,
    });
    module.section(&tables);
    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    module.section(&memories);

    let mut exports = ExportSection::new();
    exports.export(&alpha_export, ExportKind::Func, 5);
    exports.export(&beta_export, ExportKind::Func, 6);
    exports.export("main", ExportKind::Func, 7);
    exports.export("__indirect_function_table", ExportKind::Table, 0);
    exports.export("memory", ExportKind::Memory, 0);
    module.section(&exports);

    let mut code = CodeSection::new();
    let body = |calls: &[u32]| {
        let mut f = Function::new([]);
        for &c in calls {
            f.instruction(&Instruction::Call(c));
        }
        f.instruction(&Instruction::End);
        f
    };
    // Without relocations, wasm-split renumbers only a body that is one call.
    code.function(&body(&[])); // shared
    code.function(&body(&[4])); // alpha: calls shared
    code.function(&body(&[4])); // beta: calls shared
    code.function(&body(&[])); // main
    module.section(&code);

    let mut linking = LinkingSection::new();
    let mut symbols = SymbolTable::new();
    symbols.table(
        SymbolTable::WASM_SYM_BINDING_LOCAL,
        0,
        Some("__indirect_function_table"),
    );
    linking.symbol_table(&symbols);
    module.section(&linking);
    // wasm-split's marker: version 1.
    module.section(&CustomSection {
        name: Cow::Borrowed("__wasm_split_unstable"),
        data: Cow::Borrowed(&[1, 1, 1]),
    });
    module.finish()
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasm-pages-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn defined_functions(bytes: &[u8]) -> usize {
    Parser::new(0)
        .parse_all(bytes)
        .filter(|p| matches!(p, Ok(Payload::CodeSectionEntry(_))))
        .count()
}

#[test]
fn a_split_module_and_its_chunk_merge_into_one_valid_module() {
    let dir = out_dir("split");
    let manifest = split::split(&app_module(), &dir, "sextant.wasm").expect("splits");

    // Both split points, each with its loader; the code they share in one
    // chunk that both need.
    let names: Vec<&str> = manifest.points.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["alpha_1", "beta_1"]);
    assert_eq!(manifest.points[0].loader, "__wasm_split_load_alpha_1");
    assert_eq!(manifest.chunks.len(), 1, "{manifest:?}");
    let chunk = &manifest.chunks[0];
    for point in &manifest.points {
        assert_eq!(point.chunks, [chunk.number], "{point:?}");
        assert_eq!(
            point.file.as_deref(),
            Some(format!("split_{}.wasm", point.name).as_str())
        );
    }
    // The split modules import only what the first module shares.
    assert!(
        manifest
            .shared
            .contains(&"__indirect_function_table".to_string()),
        "{:?}",
        manifest.shared
    );
    assert!(
        !dir.join("__wasm_split.js").exists(),
        "the library's loader module is left out"
    );
    let main = std::fs::read(dir.join("sextant.wasm")).unwrap();
    merge::validate(&main).expect("the first module is valid");

    // alpha's modules, merged: valid, with every function of each.
    let alpha = manifest.points[0].file.clone().unwrap();
    let files = [alpha.as_str(), chunk.file.as_str()];
    let bytes: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    let named: Vec<(&str, &[u8])> = files
        .iter()
        .copied()
        .zip(bytes.iter().map(Vec::as_slice))
        .collect();
    for (name, module) in &named {
        merge::validate(module).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let merged = merge::merge(&named).expect("merges");
    merge::validate(&merged).expect("the merged module is valid");
    assert_eq!(
        defined_functions(&merged),
        named
            .iter()
            .map(|(_, m)| defined_functions(m))
            .sum::<usize>()
    );
    std::fs::remove_dir_all(dir).unwrap();
}
