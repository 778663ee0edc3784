// Step 4 of the policy stage: general linguistic structure around the learned decisions. Fallback actions,
// scope kinds, flags, carve-outs that borrow the action of the decision they limit, and "this decision" /
// pronoun actors resolved to the decision-maker named before.
#pragma once

#include <articlescope/articlescope.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/candidates.hpp"
#include "policy/roles.hpp"
#include "policy/sentence.hpp"

namespace articlescope::policy {

/// The action when the labeller found none: the words after the trigger up to the clause end (at most a
/// dozen) unless they open with a preposition; else the clause before the verb group ("Sales after midnight
/// stay banned"); else the trigger phrase itself.
WordRange fallback_action(const SentenceView& s, const Candidate& c);

/// The kind of a scope from its first words ("only ..." restriction, "except ..." exception, "if ..."
/// condition, "until ..." time, "against ..." target, a place or "in/near/across ..." location).
ScopeKind scope_kind(const SentenceView& s, WordRange scope);

/// Flags of a provision from the cues around its trigger.
std::uint32_t flags_of(const SentenceView& s, const Candidate& c);

/// The year an article was published from its ISO 8601 date ("2017-01-13T..."), or 0 when it has none.
int published_year(const Article& article);

/// Whether a scope dates the decision to a year before `year`: it opens with "in", "on", "during" or a
/// month (not "since", "until", "from", "by": a period still running or a deadline) and names an earlier year
/// or decade ("In 1997, the president imposed ...", "in the 1990s"), in a sentence that does not say the
/// decision still holds ("still", "remains"). Such a decision is background to the one reported.
bool dated_before(const SentenceView& s, WordRange scope, int year);

/// A scope that says where and then when ("at bars and restaurants from next winter"): the two phrases, each
/// a scope of its own kind; otherwise the scope alone.
std::vector<WordRange> scope_parts(const SentenceView& s, WordRange scope);

/// Coordinated provisions under one trigger: "banned trucks before six and buses before nine" is two
/// provisions, each with its own action and scope. Splits the roles when the action is followed by a scope,
/// a coordinating "and"/"or" and another phrase with a scope of the same kind; otherwise returns the roles.
std::vector<Roles> split_coordination(const SentenceView& s, const Roles& roles);

/// For a carve-out preposition ("except X", "other than X"): the words it leaves out (X), up to the clause
/// end.
WordRange carve_out_object(const SentenceView& s, const Candidate& c);

/// Tidies the labelled roles with general rules of phrase shape: the action does not start with the trigger
/// phrase (unless it is the trigger alone) nor end with a function word; a subject or actor must hold a noun,
/// a pronoun or a name (a bare "the", "its" or a date is dropped); no role overlaps the trigger; an action
/// that opens with a preposition is a scope, and one of punctuation alone is dropped.
void tidy_roles(const SentenceView& s, const Candidate& c, Roles& roles);

/// "proposed extending the permission to the whole coast": an action that is only a "to" phrase opening a
/// noun phrase (a determiner or number after "to", so not an infinitive) right after a trigger noun names
/// where the verb before the noun takes the decision, so the action is that verb's phrase ("extending the
/// permission to the whole coast"). Otherwise returns `a`.
WordRange destination_verb_phrase(const SentenceView& s, const Candidate& c, WordRange a);

/// "Lawmakers in the parliament proposed", "vessels in distress may dock": a role before the trigger that is
/// only the object of a preposition belongs to the noun phrase its clause opens with; returns the role
/// widened to that phrase ("Lawmakers in the parliament"), or `r` unchanged.
WordRange with_opening_noun(const SentenceView& s, const Candidate& c, WordRange r);

/// A rule stated by a modal with its limit: "Residents may park there only on weekends" (a permission that
/// "only" and a preposition or "if"/"when" limit) and "The pills must not be sold without a prescription" (a
/// negated modal, a passive and "without" a condition: a prohibition).
/// The noun phrase that ends at words[end] and stands as a verb group's subject; empty when none.
WordRange subject_phrase_before(const SentenceView& s, std::size_t end);

/// `r` without the punctuation at its end.
WordRange without_final_punct(const SentenceView& s, WordRange r);

/// Whether words[k] opens "stays (remains) in place / in force / in effect".
bool stays_in_force_at(const SentenceView& s, std::size_t k);
/// Where a time adjunct ending at words[end] ("on Tuesday", "last week") begins; `end` when none does.
std::size_t before_time_adjunct(const SentenceView& s, std::size_t end);
/// Past the words of a date (the entity stage's DATE) from `from`, at most up to `end`.
std::size_t date_words_end(const SentenceView& s, std::size_t from, std::size_t end);

/// "The EU extended X and added Y": the subject a verb group beginning at words[begin] after "and" or "but"
/// shares with the first finite verb before it in its clause that has one (not a pronoun); empty when none.
WordRange joined_verb_subject(const SentenceView& s, std::size_t begin);

/// A noun naming a body that holds the power to decide ("ministry", "council", "court", ...).
bool is_decision_body(const Word& w);
/// The speaker of a verb of reporting that frames the clause from `first` to `end` ("The ministry said (that)
/// X ...", "X ..., the ministry said."); empty when none does.
WordRange reporting_speaker(const SentenceView& s, std::size_t first, std::size_t end);
/// Whether phrase `r` holds a noun naming a body that decides ("The city council of X").
bool holds_decision_body(const SentenceView& s, WordRange r);
/// Whether phrase `r` names who holds the power to decide: a body ("the defence ministry") or a country.
bool names_decision_maker(const SentenceView& s, WordRange r);
/// Whether `phrase` holds authority over others: a body that decides or a country, a name (organisation or
/// person) when `named_ok` (the past tense: what a named product "allows" in the present is mostly what it
/// can do), or a word of the lexicon's office section at its end.
bool holds_authority(const SentenceView& s, WordRange phrase, bool named_ok);

/// A noun for a change or a proposal that frames a sentence after "under" ("under the change", "under the
/// bill"), as a word for a decision does ("under the law").
bool names_change_or_proposal(const Word& w);
/// "Under the bill, firms that V would face fines", "Under the plan, shops may open": before words[before],
/// "under" and, within four words of its phrase, a noun for a proposal that is no word for a decision in
/// force
/// ("the measure" may be either; it is left to the classifier). What such a sentence says is proposed.
bool framed_by_proposal(const SentenceView& s, std::size_t before);

struct ModalRule {
  Status status = Status::Allowed;
  Roles roles;  ///< subject: the noun phrase before the modal; action: the verb's phrase; scopes: the limit
};
/// The rule modal candidate `c` states, or nothing when its clause has no such limit (a modal alone is
/// mostly ability or likelihood, "prices may rise"). `after_decision`: an earlier clause of the sentence
/// states a decision in force; "..., and X may (still) V" then states what it leaves allowed, limit or not.
/// `earlier_action`: what a decision in force of the three sentences before is about; "X may still V" whose X
/// names a thing of it ("Scooters may still be used on roads" after "Riding scooters on pavements will be
/// banned") states what that decision leaves allowed.
std::optional<ModalRule> modal_rule(const SentenceView& s, const Candidate& c, bool after_decision = false,
                                    std::string_view earlier_action = {});

/// "Drones are not allowed over the site", "Glass bottles will not be permitted": a negated passive of a
/// permitting verb with a noun phrase before it and no "to V" after it states a prohibition of that thing,
/// with what follows in the clause as its limit. Nothing in a question, a relative clause, after a pronoun
/// ("we are not allowed") or with "to V" ("not allowed to say": often a complaint). Likewise a prohibiting
/// participle after a verb of continuing ("Night fishing remains banned in the bay"), or, when the
/// classifier read a restriction (`restriction`), a phrase of legality after one ("X remain off limits").
/// The actor is the speaker of a verb of reporting around it when that names a decision maker.
std::optional<ModalRule> stated_prohibition(const SentenceView& s, const Candidate& c,
                                            bool restriction = false);

/// "Germany will no longer limit the weapons it supplies", "The city no longer restricts parking on Sundays":
/// a body that decides saying it no longer restricts (a verb of restricting or prohibiting right after "no
/// longer", active) lifts that restriction: what it restricted is the action, the body its maker.
std::optional<ModalRule> stops_restricting(const SentenceView& s, const Candidate& c);

/// The sense of the verb "sanction": 1 when its object is a plan, a decision or an act ("sanctioned the
/// stadium plan": approved), -1 when it is a party ("sanctioned three banks", "sanctioned Russia's central
/// bank": punished), 0 when the words do not say or the candidate is no such verb.
int sanction_sense(const SentenceView& s, const Candidate& c);

/// "The governor vetoed the bill", "threatened to veto the measure": vetoing a bill blocks a proposal, and
/// "The Senate approved a bill that would ban X" moves one a step on (a bill a chamber passes stays a bill):
/// neither is a provision of its own (what the bill would do is read from its own words).
bool steps_on_a_bill(const SentenceView& s, const Candidate& c);

/// Words of the lexicon that decide nothing where they stand: a verb done to oneself ("disqualified
/// himself"), "keep" without "out", "from", "away" or "off", "deny that", a verb's form read as an adjective
/// before a noun
/// ("spare parts", "free speech"), "my duty to", "admitted to V-ing", and a noun of deciding or a yes-or-no
/// question in a question ("Are there any restrictions on bags?").
bool states_no_decision(const SentenceView& s, const Candidate& c);

/// The verb group of the finite verb words[verb] (past, present or perfect) when it states a plain decision
/// of its own: active, with no modal or negation, not an infinitive, with words before it; nullopt otherwise.
std::optional<VerbGroup> plain_finite_group(const SentenceView& s, std::size_t verb);

/// words[at] stands in a clause of condition ("If the change is not accepted, ...", "unless the court lets
/// X V"): a condition word before it with no clause punctuation between.
bool in_condition(const SentenceView& s, std::size_t at);

/// "A plan to ban X was not approved", "The proposal is not allowed": a proposal that is not approved or
/// allowed prohibits nothing (what it would have done is read from its own words).
bool proposal_not_approved(const SentenceView& s, const Candidate& c);

/// "The senator suspended her campaign", "The airline halted its flights": a verb of suspending or halting
/// whose object is an activity of the maker's (a possessive pronoun and a noun of activity) is no provision.
bool suspends_own_activity(const SentenceView& s, const Candidate& c);

/// "It is illegal for landlords to charge fees", "It is not legal for X to V": a word of legality after "it"
/// and "be", then "for X to V", prohibits or allows the act (the polarity of the word and of its "be")
/// for X.
std::optional<ModalRule> legality_for_party(const SentenceView& s, const Candidate& c);

/// "Home brewing is not illegal", "Camping is no longer forbidden on the beach", "It is not illegal to V",
/// "Drones are not banned in the park": a word of legality or a participle of barring negated in its
/// clause's "be" allows the act (lifts it with "no longer"); a negated "legal" prohibits it (imposes a
/// restriction with "no longer"). The act is the clause's subject or the infinitive after the word.
std::optional<ModalRule> negated_legality(const SentenceView& s, const Candidate& c);

/// A noun of the restriction sections that names rules in general, not a restriction itself: a rule, a
/// regulation, a requirement, a condition, a safeguard, a barrier ("new parking rules take effect").
bool is_general_rule(const Word& w);

/// "The ban on X comes into force on Monday", "New limits on Y took effect", "the curbs will kick in": a
/// restriction noun whose clause goes on with a verb of coming into force is imposed (proposed with a modal
/// other than "will"); one whose clause goes on with a past verb of ending ("The curfew ended on Monday",
/// "the ban expired") is lifted. The action is its phrase ("ban on X": X), what follows the verb says when.
std::optional<ModalRule> comes_into_force(const SentenceView& s, const Candidate& c);

/// "Anyone caught smoking on the platform faces a fine", "Drivers who park on the verge risk a penalty",
/// "Shops that sell X to minors will lose their licence": the act a party was caught doing, or the relative
/// clause after it, is prohibited when a penalty is faced (or a licence or permit lost) for it. With
/// `certain`, only a penalty faced or that "will" be faced ("would face", "could face": none).
std::optional<ModalRule> penalty_faced(const SentenceView& s, const Candidate& c, bool certain = false);

/// "Exporters will need a licence for any processor above the threshold", "Anglers must obtain a permit to
/// fish in the lake": a party that needs a permission to do something (or for something) is restricted in
/// doing it: imposed, with that party as the subject. Only with "to V" or "for X" after the permission ("The
/// sale requires approval" says nothing of what is restricted) and not negated (needing no permit allows).
std::optional<ModalRule> permission_required(const SentenceView& s, const Candidate& c);

/// "Licences will still be granted for older chips", "Permits will be issued to fishing crews": a permission
/// noun as the subject of a passive verb of granting allows what follows "for" (or, with none, the permission
/// itself), for the party after "to". Not negated, nor after "no".
std::optional<ModalRule> permission_granted_in_passive(const SentenceView& s, const Candidate& c);

/// "Speeds will be capped at 20 km/h in the old town", "Sunday trading will be limited to six hours": a
/// passive verb of capping (in any tense) or of limiting, restricting or rationing (only with "will" or
/// "shall": "the damage was limited to two houses" reports what happened) with an amount after "at" or "to"
/// restricts the thing before it, with the amount (and any phrase after it) as its limits: imposed, or
/// prohibited for a cap in force stated in the present. Nothing under "would", "could", "might", "should" or
/// "may", nor when negated.
std::optional<ModalRule> capped_at_amount(const SentenceView& s, const Candidate& c);

/// "The embargo on X was lifted", "the curfew is being eased", "the ban would be lifted", "Sanctions were
/// imposed on X": a restriction noun whose clause goes on in the passive of a verb of lifting or of imposing
/// has that done to it: lifted or imposed, or proposed with a modal or "to be" ("is likely to be lifted").
/// The action is the restriction's phrase; who it is imposed on, its party.
std::optional<ModalRule> changed_in_passive(const SentenceView& s, const Candidate& c);

/// "Officials placed the two villages under quarantine", "The army put the city under a curfew": a finite
/// verb (active, no modal, not negated) with a party after it and "under" a noun of restricting or
/// sanctioning imposes that restriction on the party: the noun is the action, the party the subject, the
/// verb's subject the maker (with the limits after the noun as scopes).
std::optional<ModalRule> placed_under_restriction(const SentenceView& s, const Candidate& c);

/// Whether nothing but punctuation, or a date or time the decision holds from, until or for, follows trigger
/// `c` in its clause ("..., but residents are exempt.", "Residents will be exempt until 2028.").
bool ends_clause(const SentenceView& s, const Candidate& c);

/// "The council exempted taxis from the ban", "a bill that would exempt installers from the duties": a verb
/// of exempting (active, not negated) with a party, "from" and a restriction leaves the party out of that
/// restriction: the party is the subject, the restriction the action, the verb's subject the maker, a phrase
/// after it the limit; proposed with a modal other than "will".
std::optional<ModalRule> exempted_from(const SentenceView& s, const Candidate& c);

/// "Ottawa added four officials to its sanctions list", "The US put the firm on a trade blacklist": a finite
/// verb of adding (active, no modal but "will", not negated) with a party and "to" or "on" a list of a
/// restriction imposes it on the party: the list is the action, the party the subject, the verb's subject the
/// maker.
std::optional<ModalRule> added_to_list(const SentenceView& s, const Candidate& c);

/// "The EU kept sanctions on Moscow in place", "Belgium said it would keep its restrictions in place until
/// March": a restriction noun a maker keeps, leaves or maintains "in place" ("in force", "in effect") is one
/// that stands (prohibited): its phrase is the act (after "on", the party), the verb's subject (or, for a
/// pronoun, the speaker who reports it) the maker, what follows "in place" its limit. With "will" or "would"
/// only a body that decides, a country or an office announces it; another modal or a negation reads nothing.
std::optional<ModalRule> kept_in_place(const SentenceView& s, const Candidate& c);

/// "The ban on night fishing remains in force", "The asset freeze on its chief executive stays in place": a
/// restriction noun opening its clause as the subject of "remain" or "stay" "in place" ("in force", "in
/// effect") is one that stands (prohibited). Its phrase is the act, or after "on" / "against" the restricted
/// thing; a named party there is who it is on. What follows "in place" is its limit.
std::optional<ModalRule> remains_in_place(const SentenceView& s, const Candidate& c);

/// "Several members have placed no restrictions on how the jets are used", "No limits on luggage": a noun of
/// restricting or prohibiting after "no", with "on" and what it is on, allows that (who placed none, the
/// subject of the verb before "no", is the maker).
std::optional<ModalRule> no_restriction_on(const SentenceView& s, const Candidate& c);

/// "Shipments to allies will not need a licence", "Small farms need no permit": a party that needs no
/// permission (a noun of permitting after a negated "need" or "require", or after "no") is left out of the
/// restriction that asks for it (excluded; the caller finds that restriction, reported in this or one of the
/// two sentences before).
std::optional<ModalRule> needs_no_permission(const SentenceView& s, const Candidate& c);

/// "Taurus missiles, which remain off limits", "Betting stays illegal": a phrase of legality that forbids
/// after a verb of continuing states a restriction in force, whatever the classifier read (it reads the
/// relative clause as a permission at times).
bool still_barred(const SentenceView& s, const Candidate& c);

/// "The ministry does not allow X to V", "Lithuania will not let shipments pass": a verb of permitting (the
/// lexicon's permit verbs, read as a verb) in an active verb group that negates it.
bool negated_permitting_verb(const SentenceView& s, const Candidate& c, const VerbGroup& group);

/// "Small cafés are not affected by the ban", "Existing contracts were not hit by the sanctions": a trigger
/// noun after "by" and a negated passive of reaching (affected, touched, hit, targeted, impacted) leaves the
/// passive's subject out of that decision: excluded, with the subject as its party and the decision's phrase
/// as what it is left out of (the lexicon's verbs of covering, "not covered by", are candidates of their
/// own).
std::optional<ModalRule> left_unaffected(const SentenceView& s, const Candidate& c);

/// "The permission applies only to fields near the border and only until May", "The ban covers only the old
/// town": a carve-out verb (cover, apply) with "only", not negated, whose subject refers back to a decision
/// ("the permission", "it") states that decision's limits. Returns the limits (each from its "only" to the
/// next coordinated "only" or the clause end) and the reference, or no limits when the clause is not of that
/// shape. A second predicate's subject is the first one's ("The new rules take effect on May 1 and apply only
/// to X"), and the first one's time of taking effect is a limit too. What it applies to or covers ("applies
/// to X", "covers X", not "all X") is a limit without "only". So does a passive of restricting with "to"
/// ("The permission is limited to airfields"): one limit, the "to" phrase. The phrase right before a verb
/// group at `begin` that refers back to a decision or its maker (is_reference): "it", "the permission", with
/// modifiers "the new export rules"; empty when there is none.
WordRange reference_before(const SentenceView& s, std::size_t begin);

struct DecisionLimits {
  WordRange reference;  ///< "the permission", "it"
  std::vector<WordRange> limits;
};
DecisionLimits limits_of_decision(const SentenceView& s, const Candidate& c);

/// "rejected a proposal to ban X", "vetoed the bill that would have barred Y": a verb of blocking whose
/// object is a proposal (a bill, plan, motion) decides about the proposal, not about X or Y; it states no
/// provision, and what the proposal would do is proposed.
bool blocks_a_proposal(const SentenceView& s, const Candidate& c);

/// What a decision leaves out: the phrase after its carve-out verb ("does not apply to X", "does not cover
/// X"), also when the trigger is the decision noun before that verb ("the ban does not apply to X"); up to
/// the clause end, or fallback_action() when there is none.
WordRange left_out_of(const SentenceView& s, const Candidate& c);

/// "The city raised the tax on diesel cars, though taxis are exempt": what the clause before the trigger's
/// clause names, its verb's object with the object's "on"/"of"/"for" phrase, or its subject when the verb has
/// no object ("A levy on soda starts in March, but ..."); empty when there is no such clause or verb.
WordRange charge_of_clause_before(const SentenceView& s, const Candidate& c);

/// "Companies that break the rules", "Anyone caught smoking": a party named by what it does, opening the
/// clause of the verb group at `group`: who (up to "who", "that" or "which" after a noun, or "caught" /
/// "found" and a gerund) as the subject, and the act after it up to the verb group as the action; empty roles
/// otherwise.
Roles party_named_by_act(const SentenceView& s, std::size_t group);

/// "Drivers can be fined for parking on the verge", "will be jailed for V-ing": a passive verb of penalising
/// after a modal of possibility, with "for" and a gerund: the act (the gerund's phrase) as the action and who
/// may be penalised as the subject. With no act after the verb, a subject named by what it does ("Drivers who
/// use a phone at the wheel can be fined", "Anyone caught smoking there will be prosecuted"): who as the
/// subject, what they do as the action. Empty roles when `c` is not such a verb.
Roles penalised_act(const SentenceView& s, const Candidate& c);

/// "Farm vehicles are not covered by the decision", "X is no longer covered by the ban": a negated passive
/// verb of covering with the decision it leaves X out of after "by". Returns that decision's noun phrase;
/// empty when `c` is not such a verb.
WordRange negated_cover_by(const SentenceView& s, const Candidate& c);

/// "licensed displays", "the banned substances": a one-word participle or adjective trigger before a noun
/// qualifies the noun; inside a provision's action it is part of that action, not a decision of its own.
bool is_attributive(const SentenceView& s, const Candidate& c);

/// "residents with a parking permit", "drivers without a licence": a noun of permission in the phrase of
/// "with" or "without" names a document a party holds or lacks, a condition of some provision, not a
/// decision of its own.
bool held_by_party(const SentenceView& s, const Candidate& c);

/// "in all bars", "into the bars": a one-word trigger of a verb frame only (no noun frame), read as a noun,
/// right after a determiner that opens the noun phrase of a preposition (not "to"), with no complement
/// ("to", "on", "of" ...: "a halt to X" decides) or object after it: a noun of the same spelling (a place, a
/// thing), never a decision.
bool object_of_preposition(const SentenceView& s, const Candidate& c);

/// Puts a handful of items in the order the sentence gives them, by `start(item)`: an insertion sort (a
/// `std::stable_sort` of scopes once cost 1.8 KB gzip of WebAssembly).
template <class T, class Start>
void sort_by_start(std::vector<T>& items, Start start) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    for (std::size_t j = i; j > 0 && start(items[j]) < start(items[j - 1]); --j)
      std::swap(items[j], items[j - 1]);
  }
}

/// Whether word `w` is one of `list`.
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> list);

/// True when the actor is a pronoun or a bare reference to a decision ("it", "the ruling", "this"); with
/// `adjectives`, also one with adjectives before its noun ("the new rule", as the subject of "does not
/// cover").
bool is_reference(const SentenceView& s, WordRange actor, bool adjectives = false);

/// Whether two spans of one text name the same thing: they share at least half of the shorter one.
bool names_same_thing(const Span& a, const Span& b);

}  // namespace articlescope::policy
