//! The module without the linker's relocation sections.
//!
//! `.cargo/config.toml` links the app with `--emit-relocs`, which writes a
//! "linking" and a "reloc.*" custom section for each section with relocations:
//! wasm-split needs them to move code between modules. The build that is not
//! split must not carry them into wasm-bindgen and wasm-opt (binaryen does not
//! optimise a module that has them).

use wasm_encoder::{Module, RawSection};
use wasmparser::{Parser, Payload};

use crate::Error;

/// Whether a custom section of this name is one of the linker's.
pub fn is_linker_section(name: &str) -> bool {
    name == "linking" || name.starts_with("reloc.")
}

/// `bytes` with every section but the linker's, byte for byte.
pub fn strip_relocations(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let mut module = Module::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload?;
        if let Payload::CustomSection(section) = &payload {
            if is_linker_section(section.name()) {
                continue;
            }
        }
        if let Some((id, range)) = payload.as_section() {
            let data = &bytes[range.start as usize..range.end as usize];
            module.section(&RawSection { id, data });
        }
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use wasm_encoder::{
        CodeSection, CustomSection, Function, FunctionSection, Instruction, TypeSection,
    };

    /// A module with one function, and the custom sections `custom`.
    fn module(custom: &[&str]) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::Nop);
        f.instruction(&Instruction::End);
        code.function(&f);
        module.section(&code);
        for name in custom {
            module.section(&CustomSection {
                name: Cow::Borrowed(name),
                data: Cow::Borrowed(&[1, 2, 3]),
            });
        }
        module.finish()
    }

    #[test]
    fn only_the_linker_s_sections_go() {
        let with = module(&["linking", "reloc.CODE", "name", "reloc.DATA", "producers"]);
        assert_eq!(
            strip_relocations(&with).unwrap(),
            module(&["name", "producers"])
        );
        let without = module(&["name"]);
        assert_eq!(strip_relocations(&without).unwrap(), without);
        assert!(strip_relocations(b"\0asm\x01\0\0\0\x0a\xff").is_err());
    }
}
