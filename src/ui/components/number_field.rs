//! A labelled number input that reads what people type ("12k", "15%"),
//! shows its unit and help, and an inline message when the value is wrong.

use crate::domain::input::{format_input, parse_number, Field, NumberKind};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Field errors of a form, by field id; results are unavailable while any is set.
pub type FieldErrors = RwSignal<BTreeMap<String, String>>;

/// A number input bound to one value of a model.
#[component]
pub fn NumberField(
    /// HTML id; unique on the page.
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The unit shown after the label, e.g. "$ / month".
    #[prop(into)]
    unit: Signal<String>,
    /// One line of help under the field.
    help: &'static str,
    /// How the text is read.
    kind: NumberKind,
    /// The value the field starts with.
    value: f64,
    /// Checks a parsed value; the error is shown at the field.
    check: Callback<f64, Result<(), String>>,
    /// Receives each valid value.
    on_valid: Callback<f64>,
    /// Where the form collects its field errors.
    errors: FieldErrors,
) -> impl IntoView {
    let text = RwSignal::new(format_input(value, kind));
    let key = id.clone();
    let error = Memo::new(move |_| errors.with(|e| e.get(&key).cloned()));
    let key = id.clone();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let result = parse_number(&typed, kind).and_then(|v| check.run(v).map(|_| v));
        match result {
            Ok(v) => {
                errors.update(|e| {
                    e.remove(&key);
                });
                on_valid.run(v);
            }
            Err(message) => errors.update(|e| {
                e.insert(key.clone(), message);
            }),
        }
    };
    // Drop this field's error when it leaves the page (a team row removed).
    let key = id.clone();
    on_cleanup(move || {
        let _ = errors.try_update(|e| e.remove(&key));
    });
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = {
        let help_id = help_id.clone();
        let error_id = error_id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{error_id} {help_id}")
            } else {
                help_id.clone()
            }
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>
                {move || label.get()}
                " "
                <span class="field__unit">"(" {move || unit.get()} ")"</span>
            </label>
            <input
                id=id.clone()
                class="field__input"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=on_input
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            />
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field__error" id=error_id.clone()>
                                {e}
                            </p>
                        }
                    })
            }}
            <p class="field__help" id=help_id>
                {help}
            </p>
        </div>
    }
}

/// A [`NumberField`] for one row of a form's table of fields: the unit (in
/// the model's `currency`), the help, how the text is read and the range
/// check come from the row; the caller gives what differs between forms.
pub fn field_input<M: 'static, S: Copy + Send + Sync + 'static>(
    field: Field<M, S>,
    id: String,
    label: impl Into<Signal<String>>,
    currency: Signal<String>,
    value: f64,
    on_valid: impl Fn(f64) + Send + Sync + 'static,
    errors: FieldErrors,
) -> impl IntoView {
    view! {
        <NumberField
            id=id
            label=label.into()
            unit=Signal::derive(move || field.unit.label(&currency.get()))
            help=field.help
            kind=field.unit.kind()
            value=value
            check=Callback::new(move |v| field.check(v))
            on_valid=Callback::new(on_valid)
            errors=errors
        />
    }
}

/// The number fields of one `section` of a form whose values live in
/// `model`, in the order of `fields`, with HTML ids `<prefix>-<field id>`.
pub fn section_inputs<M, S>(
    fields: &'static [Field<M, S>],
    section: S,
    prefix: &'static str,
    model: RwSignal<M>,
    currency: Signal<String>,
    errors: FieldErrors,
) -> impl IntoView
where
    M: Send + Sync + 'static,
    S: Copy + PartialEq + Send + Sync + 'static,
{
    fields
        .iter()
        .filter(|f| f.section == section)
        .map(|f| {
            let f = *f;
            field_input(
                f,
                format!("{prefix}-{}", f.id),
                f.label.to_string(),
                currency,
                model.with_untracked(|m| (f.get)(m)),
                move |v| model.update(|m| (f.set)(m, v)),
                errors,
            )
        })
        .collect_view()
}
