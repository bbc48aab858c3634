<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>CaseDeliveries</name>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="23"/>
        <source>saved to a file only; not sent to the central system.</source>
        <translation type="unfinished">wedi&apos;i gadw mewn ffeil yn unig; heb ei anfon i&apos;r system ganolog.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="27"/>
        <source>the central system</source>
        <translation type="unfinished">y system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="30"/>
        <source>received by {intake} on {when}; its signed receipt was checked.</source>
        <translation type="unfinished">wedi&apos;i dderbyn gan {intake} ar {when}; cafodd ei dderbynneb wedi&apos;i llofnodi ei gwirio.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="34"/>
        <source>no reason was given</source>
        <translation type="unfinished">ni roddwyd rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="37"/>
        <source>not accepted by the central system: {reason}</source>
        <translation type="unfinished">heb ei dderbyn gan y system ganolog: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="41"/>
        <source>part sent; the rest goes when the laptop is connected.</source>
        <translation type="unfinished">wedi&apos;i anfon yn rhannol; bydd y gweddill yn mynd pan fydd y gliniadur wedi&apos;i gysylltu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="44"/>
        <source>waiting to send; it goes when the laptop is connected.</source>
        <translation type="unfinished">yn aros i&apos;w anfon; bydd yn mynd pan fydd y gliniadur wedi&apos;i gysylltu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="58"/>
        <source>Exports of this statement</source>
        <translation type="unfinished">Allforion y datganiad hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_deliveries.py" line="75"/>
        <source>Export {number}, {when}: {where}</source>
        <translation type="unfinished">Allforio {number}, {when}: {where}</translation>
    </message>
</context>
<context>
    <name>CaseFieldsPanel</name>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="140"/>
        <source>Details</source>
        <translation type="unfinished">Manylion</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="157"/>
        <source>Details for the case record, as the survivor describes them. They never enter the statement. Saved as you go.</source>
        <translation type="unfinished">Manylion ar gyfer cofnod yr achos, fel y mae&apos;r goroeswr yn eu disgrifio. Dydyn nhw byth yn mynd i mewn i&apos;r datganiad. Yn cael eu cadw wrth i chi fynd.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="165"/>
        <source>This case&apos;s guide has no details to record beside the statement.</source>
        <translation type="unfinished">Does gan ganllaw&apos;r achos hwn ddim manylion i&apos;w cofnodi ochr yn ochr â&apos;r datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="222"/>
        <location filename="../../../ui/widgets/case_fields.py" line="335"/>
        <source>Not recorded</source>
        <translation type="unfinished">Heb ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="360"/>
        <source>Recorded as %1. A number chosen here replaces it.</source>
        <translation type="unfinished">Wedi&apos;i gofnodi fel %1. Mae rhif a ddewisir yma yn cymryd ei le.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="432"/>
        <source>Saved</source>
        <translation type="unfinished">Wedi&apos;i gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/case_fields.py" line="453"/>
        <source>Not saved: %1</source>
        <translation type="unfinished">Heb ei gadw: %1</translation>
    </message>
</context>
<context>
    <name>CaseListScreen</name>
    <message>
        <location filename="../../../ui/screens/cases.py" line="57"/>
        <source>CSA</source>
        <translation type="unfinished">CSA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="58"/>
        <source>APSP</source>
        <translation type="unfinished">APSP</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="59"/>
        <source>General</source>
        <translation type="unfinished">Cyffredinol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="62"/>
        <source>Draft</source>
        <translation type="unfinished">Drafft</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="63"/>
        <source>Read-back</source>
        <translation type="unfinished">Darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="64"/>
        <source>Signed</source>
        <translation type="unfinished">Wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="65"/>
        <source>Exported</source>
        <translation type="unfinished">Wedi&apos;i allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="68"/>
        <location filename="../../../ui/screens/cases.py" line="113"/>
        <source>Cases</source>
        <translation type="unfinished">Achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="70"/>
        <source>Reference or name</source>
        <translation type="unfinished">Cyfeirnod neu enw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="74"/>
        <source>Search cases</source>
        <translation type="unfinished">Chwilio drwy&apos;r achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="75"/>
        <source>Shows the cases whose reference or survivor&apos;s name contains what you type.</source>
        <translation type="unfinished">Yn dangos yr achosion lle mae&apos;r cyfeirnod neu enw&apos;r goroeswr yn cynnwys yr hyn rydych chi&apos;n ei deipio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="77"/>
        <source>Clear search</source>
        <translation type="unfinished">Clirio&apos;r chwilio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="78"/>
        <source>Search</source>
        <translation type="unfinished">Chwilio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="82"/>
        <location filename="../../../ui/screens/cases.py" line="90"/>
        <source>All</source>
        <translation type="unfinished">Pob un</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="85"/>
        <source>Category filter</source>
        <translation type="unfinished">Hidlo yn ôl categori</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="86"/>
        <location filename="../../../ui/screens/cases.py" line="102"/>
        <source>Category</source>
        <translation type="unfinished">Categori</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="93"/>
        <source>Status filter</source>
        <translation type="unfinished">Hidlo yn ôl statws</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="94"/>
        <location filename="../../../ui/screens/cases.py" line="103"/>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="100"/>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="101"/>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="104"/>
        <source>Last updated</source>
        <translation type="unfinished">Newid diwethaf</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="113"/>
        <source>Press Enter to open the selected case.</source>
        <translation type="unfinished">Pwyswch Enter i agor yr achos a ddewiswyd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="120"/>
        <source>Looking for cases…</source>
        <translation type="unfinished">Yn chwilio am achosion…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="125"/>
        <source>&amp;New case</source>
        <translation type="unfinished">Achos &amp;newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="127"/>
        <source>New case</source>
        <translation type="unfinished">Achos newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="128"/>
        <source>&amp;Open</source>
        <translation type="unfinished">&amp;Agor</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="129"/>
        <source>Open the selected case</source>
        <translation type="unfinished">Agor yr achos a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="130"/>
        <source>Open a &amp;bundle</source>
        <translation type="unfinished">Agor &amp;bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="133"/>
        <source>Open a bundle</source>
        <translation type="unfinished">Agor bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="134"/>
        <source>Check a statement bundle sent to you</source>
        <translation type="unfinished">Gwirio bwndel datganiad a anfonwyd atoch</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="136"/>
        <source>&amp;Reviews</source>
        <translation type="unfinished">A&amp;dolygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="139"/>
        <source>Reviews</source>
        <translation type="unfinished">Adolygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="140"/>
        <source>Statements sent to you for review</source>
        <translation type="unfinished">Datganiadau a anfonwyd atoch i&apos;w hadolygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="143"/>
        <source>&amp;Identity</source>
        <translation type="unfinished">&amp;Hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="144"/>
        <source>Identity and organisation</source>
        <translation type="unfinished">Hunaniaeth a sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="145"/>
        <source>&amp;Settings</source>
        <translation type="unfinished">&amp;Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="146"/>
        <source>Settings</source>
        <translation type="unfinished">Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="147"/>
        <source>&amp;Lock</source>
        <translation type="unfinished">&amp;Cloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="150"/>
        <source>Lock</source>
        <translation type="unfinished">Cloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="151"/>
        <source>Locks the vault and clears the screen (Ctrl+L).</source>
        <translation type="unfinished">Yn cloi&apos;r gladdgell ac yn clirio&apos;r sgrin (Ctrl+L).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="285"/>
        <source>Read back and confirmed</source>
        <translation type="unfinished">Wedi&apos;i ddarllen yn ôl a&apos;i gadarnhau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="287"/>
        <source>Read-back started</source>
        <translation type="unfinished">Wedi dechrau darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="306"/>
        <source>No cases match. Try another search or filter.</source>
        <translation type="unfinished">Does dim achosion yn cyfateb. Rhowch gynnig ar chwiliad neu hidlydd arall.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="308"/>
        <source>No cases yet. Start with New case.</source>
        <translation type="unfinished">Does dim achosion eto. Dechreuwch gydag Achos newydd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/cases.py" line="318"/>
        <source>The cases could not be loaded just now. %1</source>
        <translation type="unfinished">Doedd dim modd llwytho&apos;r achosion ar hyn o bryd. %1</translation>
    </message>
</context>
<context>
    <name>CaseStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="226"/>
        <source>Case</source>
        <translation type="unfinished">Achos</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="229"/>
        <source>Category</source>
        <translation type="unfinished">Categori</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="242"/>
        <source>CSA (non-recent)</source>
        <translation type="unfinished">CSA (nad yw&apos;n ddiweddar)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="243"/>
        <source>Child sexual abuse, usually told years later by an adult survivor.</source>
        <translation type="unfinished">Cam-drin plant yn rhywiol, a adroddir fel arfer flynyddoedd yn ddiweddarach gan oroeswr sydd bellach yn oedolyn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="247"/>
        <source>APSP</source>
        <translation type="unfinished">APSP</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="248"/>
        <source>Abuse of position for a sexual purpose by police officers or staff.</source>
        <translation type="unfinished">Camddefnyddio swydd at ddiben rhywiol gan swyddogion neu staff yr heddlu.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="252"/>
        <source>General</source>
        <translation type="unfinished">Cyffredinol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="253"/>
        <source>Any other statement, with the general interview guide.</source>
        <translation type="unfinished">Unrhyw ddatganiad arall, gyda&apos;r canllaw cyfweld cyffredinol.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="265"/>
        <source>Case reference (required)</source>
        <translation type="unfinished">Cyfeirnod yr achos (gofynnol)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="266"/>
        <source>Interviewer name</source>
        <translation type="unfinished">Enw&apos;r cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="269"/>
        <source>Language of the statement</source>
        <translation type="unfinished">Iaith y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="270"/>
        <source>English</source>
        <translation type="unfinished">Saesneg</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="270"/>
        <source>Welsh (Cymraeg)</source>
        <translation type="unfinished">Cymraeg</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="272"/>
        <source>The statement and its back page are written in this language. A Welsh statement is signed with the organisation&apos;s approved Welsh declaration.</source>
        <translation type="unfinished">Mae&apos;r datganiad a&apos;i dudalen gefn yn cael eu hysgrifennu yn yr iaith hon. Caiff datganiad Cymraeg ei lofnodi â geiriad Cymraeg y datganiad a.9 a gymeradwywyd gan y sefydliad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="276"/>
        <source>Planning</source>
        <translation type="unfinished">Cynllunio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="279"/>
        <source>How the account will be taken</source>
        <translation type="unfinished">Sut y caiff yr hanes ei gymryd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="281"/>
        <source>Not decided yet</source>
        <translation type="unfinished">Heb benderfynu eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="282"/>
        <source>A written statement</source>
        <translation type="unfinished">Datganiad ysgrifenedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="283"/>
        <source>A visually recorded interview (ABE)</source>
        <translation type="unfinished">Cyfweliad wedi&apos;i recordio ar fideo (ABE)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="288"/>
        <source>Reference of the visual recording</source>
        <translation type="unfinished">Cyfeirnod y recordiad fideo</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="289"/>
        <source>Needed for a visually recorded interview; printed on the statement.</source>
        <translation type="unfinished">Ei angen ar gyfer cyfweliad wedi&apos;i recordio ar fideo; caiff ei argraffu ar y datganiad.</translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="43"/>
        <source>{number}. {text}</source>
        <translation type="unfinished">{number}. {text}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="46"/>
        <source>Item {number}: {text}</source>
        <translation type="unfinished">Eitem {number}: {text}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="48"/>
        <source>Met</source>
        <translation type="unfinished">Wedi&apos;i fodloni</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="49"/>
        <source>Not met</source>
        <translation type="unfinished">Heb ei fodloni</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="50"/>
        <source>Not applicable</source>
        <translation type="unfinished">Amherthnasol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="66"/>
        <location filename="../../../ui/widgets/checklist_form.py" line="93"/>
        <source>Comment (optional)</source>
        <translation type="unfinished">Sylw (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="69"/>
        <source>Comment on item {number}</source>
        <translation type="unfinished">Sylw ar eitem {number}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="70"/>
        <source>Optional, but needed when the item is not met</source>
        <translation type="unfinished">Dewisol, ond mae angen un pan nad yw&apos;r eitem wedi&apos;i bodloni</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="74"/>
        <source>A short comment is needed here: say why this is not met.</source>
        <translation type="unfinished">Mae angen sylw byr yma: dywedwch pam nad yw hyn wedi&apos;i fodloni.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/checklist_form.py" line="93"/>
        <source>Say why it is not met</source>
        <translation type="unfinished">Dywedwch pam nad yw wedi&apos;i fodloni</translation>
    </message>
</context>
<context>
    <name>ChecksList</name>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="155"/>
        <source>Checks</source>
        <translation type="unfinished">Gwiriadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="156"/>
        <source>Every check made on the bundle, and whether it passed</source>
        <translation type="unfinished">Pob gwiriad a wnaed ar y bwndel, ac a lwyddodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="162"/>
        <source>Passed: %1</source>
        <translation type="unfinished">Wedi llwyddo: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="162"/>
        <source>Did not pass: %1</source>
        <translation type="unfinished">Heb lwyddo: %1</translation>
    </message>
</context>
<context>
    <name>ComboPopups</name>
    <message>
        <location filename="../../../ui/widgets/combo_popups.py" line="51"/>
        <source>%1 list</source>
        <translation type="unfinished">Rhestr %1</translation>
    </message>
</context>
<context>
    <name>ConsentsStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="39"/>
        <source>Consents</source>
        <translation type="unfinished">Cydsyniadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="41"/>
        <source>Record what the survivor has said about each; leave the rest as not asked.</source>
        <translation type="unfinished">Cofnodwch beth mae&apos;r goroeswr wedi&apos;i ddweud am bob un; gadewch y gweddill fel &apos;Heb holi&apos;.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="76"/>
        <source>Contact by the supervisor</source>
        <translation type="unfinished">Cysylltiad gan y goruchwyliwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="77"/>
        <source>Referral to an ISVA</source>
        <translation type="unfinished">Atgyfeirio at ISVA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="44"/>
        <location filename="../../../ui/screens/new_case_consents.py" line="79"/>
        <location filename="../../../ui/screens/new_case_consents.py" line="98"/>
        <source>Not asked</source>
        <translation type="unfinished">Heb holi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="45"/>
        <source>Given</source>
        <translation type="unfinished">Wedi&apos;i roi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="46"/>
        <source>Withdrawn</source>
        <translation type="unfinished">Wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="50"/>
        <source>The police having access to their medical records in relation to this matter</source>
        <translation type="unfinished">Yr heddlu&apos;n cael gweld eu cofnodion meddygol mewn perthynas â&apos;r mater hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="53"/>
        <source>Their medical records being disclosed to the defence</source>
        <translation type="unfinished">Datgelu eu cofnodion meddygol i&apos;r amddiffyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="56"/>
        <source>The statement being disclosed for civil proceedings (for example, child care proceedings)</source>
        <translation type="unfinished">Datgelu&apos;r datganiad ar gyfer achos sifil (er enghraifft, achos gofal plant)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="60"/>
        <source>Their details being shared with agencies that support victims</source>
        <translation type="unfinished">Rhannu eu manylion ag asiantaethau sy&apos;n cefnogi dioddefwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="67"/>
        <source>Limit on this consent, if any</source>
        <translation type="unfinished">Cyfyngiad ar y cydsyniad hwn, os oes un</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="68"/>
        <source>for example, GP records 1990–1995 only</source>
        <translation type="unfinished">er enghraifft, cofnodion meddyg teulu 1990–1995 yn unig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="71"/>
        <source>Limit on: %1</source>
        <translation type="unfinished">Cyfyngiad ar: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="78"/>
        <source>After the statement</source>
        <translation type="unfinished">Ar ôl y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="79"/>
        <location filename="../../../ui/screens/new_case_consents.py" line="99"/>
        <source>Yes</source>
        <translation type="unfinished">Ie</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="79"/>
        <location filename="../../../ui/screens/new_case_consents.py" line="100"/>
        <source>No</source>
        <translation type="unfinished">Na</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="83"/>
        <source>The criminal justice process and the Victim Personal Statement scheme explained</source>
        <translation type="unfinished">Esboniwyd y broses cyfiawnder troseddol a chynllun Datganiad Personol y Dioddefwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="90"/>
        <source>Leaflet given: “Giving a witness statement to the police – what happens next?”</source>
        <translation type="unfinished">Rhoddwyd y daflen: “Rhoi datganiad tyst i&apos;r heddlu – beth sy&apos;n digwydd nesaf?”</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="96"/>
        <source>Willing to attend court</source>
        <translation type="unfinished">Yn fodlon mynd i&apos;r llys</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="101"/>
        <source>Not sure</source>
        <translation type="unfinished">Ddim yn siŵr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="106"/>
        <source>What would help them attend court, or why not</source>
        <translation type="unfinished">Beth fyddai&apos;n eu helpu i fynd i&apos;r llys, neu pam lai</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_consents.py" line="111"/>
        <source>Consents to their details going to the Witness Service</source>
        <translation type="unfinished">Yn cydsynio i&apos;w manylion fynd at y Gwasanaeth Tystion</translation>
    </message>
</context>
<context>
    <name>CoreMessageLabels</name>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="51"/>
        <source>the reference</source>
        <translation type="unfinished">y cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="52"/>
        <source>the interviewer&apos;s name</source>
        <translation type="unfinished">enw&apos;r cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="55"/>
        <source>the name</source>
        <translation type="unfinished">yr enw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="56"/>
        <source>the preferred name</source>
        <translation type="unfinished">yr enw sydd orau ganddyn nhw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="59"/>
        <source>the pronouns</source>
        <translation type="unfinished">y rhagenwau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="60"/>
        <source>the occupation</source>
        <translation type="unfinished">yr alwedigaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="61"/>
        <source>the communication needs</source>
        <translation type="unfinished">yr anghenion cyfathrebu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="64"/>
        <source>the language</source>
        <translation type="unfinished">yr iaith</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="65"/>
        <source>the interpreter language</source>
        <translation type="unfinished">iaith y cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="68"/>
        <source>the list of topics to avoid</source>
        <translation type="unfinished">y rhestr o bynciau i&apos;w hosgoi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="71"/>
        <source>the support wanted</source>
        <translation type="unfinished">y cymorth maen nhw ei eisiau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="74"/>
        <source>the ABE recording reference</source>
        <translation type="unfinished">y cyfeirnod ar gyfer y recordiad ABE</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="78"/>
        <source>the address</source>
        <translation type="unfinished">y cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="79"/>
        <source>the phone</source>
        <translation type="unfinished">y rhif ffôn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="80"/>
        <source>the email</source>
        <translation type="unfinished">y cyfeiriad e-bost</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="81"/>
        <source>the safe contact</source>
        <translation type="unfinished">y cyfarwyddiadau ar gyfer cysylltu&apos;n ddiogel</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="82"/>
        <source>the safe times</source>
        <translation type="unfinished">yr amseroedd diogel i gysylltu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="83"/>
        <source>the dates to avoid</source>
        <translation type="unfinished">y dyddiadau i&apos;w hosgoi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="86"/>
        <source>the special measures</source>
        <translation type="unfinished">y mesurau arbennig</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="89"/>
        <source>the other needs</source>
        <translation type="unfinished">yr anghenion eraill</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="90"/>
        <source>the note about attending court</source>
        <translation type="unfinished">y nodyn am fynd i&apos;r llys</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="93"/>
        <source>the consent</source>
        <translation type="unfinished">y cydsyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="94"/>
        <source>the consent&apos;s limit</source>
        <translation type="unfinished">y cyfyngiad ar y cydsyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="97"/>
        <source>the participant&apos;s name</source>
        <translation type="unfinished">enw&apos;r person sy&apos;n bresennol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="101"/>
        <source>the location</source>
        <translation type="unfinished">y lleoliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="102"/>
        <source>the reason</source>
        <translation type="unfinished">y rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="103"/>
        <source>the note</source>
        <translation type="unfinished">y nodyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="104"/>
        <source>what happened</source>
        <translation type="unfinished">y maes ‘Beth ddigwyddodd’</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="105"/>
        <source>when it happened</source>
        <translation type="unfinished">y maes ‘Pryd’</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="106"/>
        <source>the exhibit&apos;s description</source>
        <translation type="unfinished">y disgrifiad o&apos;r arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="110"/>
        <source>the section text</source>
        <translation type="unfinished">y testun ar gyfer yr adran</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="111"/>
        <source>the text</source>
        <translation type="unfinished">y testun</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="112"/>
        <source>the section with this text added</source>
        <translation type="unfinished">yr adran gyda&apos;r testun hwn wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="115"/>
        <source>the reader&apos;s name</source>
        <translation type="unfinished">enw&apos;r darllenydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="118"/>
        <source>the correction</source>
        <translation type="unfinished">y cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="120"/>
        <source>statement</source>
        <translation type="unfinished">y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="121"/>
        <source>exhibit&apos;s description</source>
        <translation type="unfinished">y disgrifiad o&apos;r arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="124"/>
        <source>restricted details</source>
        <translation type="unfinished">y manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="128"/>
        <source>bundle</source>
        <translation type="unfinished">y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="129"/>
        <source>backup</source>
        <translation type="unfinished">y copi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="130"/>
        <source>decision file</source>
        <translation type="unfinished">y ffeil penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="135"/>
        <source>running</source>
        <translation type="unfinished">ar waith</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="136"/>
        <source>paused</source>
        <translation type="unfinished">ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/core_message_labels.py" line="143"/>
        <source>the field ‘{label}’</source>
        <translation type="unfinished">y maes ‘{label}’</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="14"/>
        <source>the passphrase is not correct</source>
        <translation type="unfinished">dydy&apos;r cyfrinymadrodd ddim yn gywir</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="17"/>
        <source>the vault header&apos;s recovery part was changed or removed outside Quietroom; restore the vault header from a backup</source>
        <translation type="unfinished">newidiwyd neu dynnwyd rhan adfer pennyn y gladdgell y tu allan i Quietroom; adferwch bennyn y gladdgell o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="22"/>
        <source>too many wrong passphrases; wait {seconds} seconds before trying again</source>
        <translation type="unfinished">gormod o gyfrinymadroddion anghywir; arhoswch {seconds} eiliad cyn rhoi cynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="25"/>
        <source>the passphrase must have at least {count} characters</source>
        <translation type="unfinished">rhaid i&apos;r cyfrinymadrodd gynnwys o leiaf {count} nod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="28"/>
        <source>this vault&apos;s device secret is kept in {label}, which is not available in this session; {hint}</source>
        <translation type="unfinished">mae cyfrinach y ddyfais ar gyfer y gladdgell hon yn cael ei chadw yn {label}, nad yw ar gael yn y sesiwn mewngofnodi hon; {hint}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="42"/>
        <source>this vault&apos;s device secret is missing from {label}; {hint}</source>
        <translation type="unfinished">mae cyfrinach y ddyfais ar gyfer y gladdgell hon ar goll o {label}; {hint}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="45"/>
        <source>the device secret in {label} does not belong to this vault; {hint}</source>
        <translation type="unfinished">dydy cyfrinach y ddyfais yn {label} ddim yn perthyn i&apos;r gladdgell hon; {hint}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="48"/>
        <source>the vault database is damaged or is not a Quietroom database; restore it from a backup</source>
        <translation type="unfinished">mae cronfa ddata&apos;r gladdgell wedi&apos;i difrodi neu nid cronfa ddata Quietroom yw hi; adferwch hi o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="52"/>
        <source>the vault database is damaged or is not a Quietroom database (it has been truncated); restore it from a backup</source>
        <translation type="unfinished">mae cronfa ddata&apos;r gladdgell wedi&apos;i difrodi neu nid cronfa ddata Quietroom yw hi (mae wedi&apos;i thorri&apos;n fyr); adferwch hi o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="57"/>
        <source>the vault database is missing; restore the vault from a backup</source>
        <translation type="unfinished">mae cronfa ddata&apos;r gladdgell ar goll; adferwch y gladdgell o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="60"/>
        <source>the vault header is damaged ({detail}); restore the vault from a backup</source>
        <translation type="unfinished">mae pennyn y gladdgell wedi&apos;i ddifrodi ({detail}); adferwch y gladdgell o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="63"/>
        <source>the vault at {path} has lost its header file; restore the vault from a backup</source>
        <translation type="unfinished">mae&apos;r gladdgell yn {path} wedi colli ffeil ei phennyn; adferwch y gladdgell o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="67"/>
        <source>this vault uses format version {version}, which this version of Quietroom does not know; update Quietroom to open it</source>
        <translation type="unfinished">mae&apos;r gladdgell hon yn defnyddio fersiwn fformat {version}, nad yw&apos;r fersiwn hon o Quietroom yn ei hadnabod; diweddarwch Quietroom i&apos;w hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="72"/>
        <source>this vault has schema version {version}, newer than this version of Quietroom knows; update Quietroom to open it</source>
        <translation type="unfinished">mae gan y gladdgell hon fersiwn sgema {version}, sy&apos;n fwy diweddar na&apos;r hyn mae&apos;r fersiwn hon o Quietroom yn ei adnabod; diweddarwch Quietroom i&apos;w hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="77"/>
        <source>the vault is locked</source>
        <translation type="unfinished">mae&apos;r gladdgell wedi&apos;i chloi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="78"/>
        <source>Quietroom already has this vault open in another window</source>
        <translation type="unfinished">mae Quietroom wedi agor y gladdgell hon yn barod mewn ffenestr arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="81"/>
        <source>a vault already exists at {path}; nothing was changed</source>
        <translation type="unfinished">mae claddgell yn bodoli&apos;n barod yn {path}; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="84"/>
        <source>the vault is busy: another Quietroom window or command is writing to it; nothing was changed, try again in a moment</source>
        <translation type="unfinished">mae&apos;r gladdgell yn brysur: mae ffenestr neu orchymyn arall yn Quietroom yn ysgrifennu iddi; does dim byd wedi newid, rhowch gynnig arall arni mewn munud</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="89"/>
        <source>the disk is full, so nothing was saved and nothing already stored was lost; free some space and try again</source>
        <translation type="unfinished">mae&apos;r ddisg yn llawn, felly does dim byd wedi&apos;i gadw a does dim byd oedd wedi&apos;i storio&apos;n barod wedi&apos;i golli; rhyddhewch ychydig o le a rhowch gynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="94"/>
        <source>the vault cannot be written (it is read-only); nothing was changed</source>
        <translation type="unfinished">does dim modd ysgrifennu i&apos;r gladdgell (mae hi i&apos;w darllen yn unig); does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="97"/>
        <source>the disk holding the vault is full: free some space; nothing stored is lost</source>
        <translation type="unfinished">mae&apos;r ddisg sy&apos;n dal y gladdgell yn llawn: rhyddhewch rywfaint o le; does dim byd sydd wedi&apos;i gadw wedi&apos;i golli</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="101"/>
        <source>the change was made, but the disk did not confirm it was written ({reason}); a power cut now could undo it: run the same command again</source>
        <translation type="unfinished">gwnaed y newid, ond ni chadarnhaodd y ddisg ei fod wedi&apos;i ysgrifennu ({reason}); gallai toriad pŵer nawr ei ddadwneud: rhedwch yr un gorchymyn eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="106"/>
        <source>the disk holding the vault reported an input/output error, so nothing was changed: check that the disk is attached and has space, then try again</source>
        <translation type="unfinished">rhoddodd y ddisg sy&apos;n dal y gladdgell wall mewnbwn/allbwn, felly does dim byd wedi newid: gwiriwch fod y ddisg wedi&apos;i chysylltu a bod lle arni, yna rhowch gynnig arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="112"/>
        <source>no case has that id or reference; see &apos;case list&apos;</source>
        <translation type="unfinished">does dim achos gyda&apos;r id neu&apos;r cyfeirnod hwnnw; gweler &apos;case list&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="115"/>
        <source>no sitting is in progress for this case; start one with &apos;sitting start&apos;</source>
        <translation type="unfinished">does dim sesiwn ar y gweill ar gyfer yr achos hwn; dechreuwch un gyda &apos;sitting start&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="118"/>
        <source>a sitting is already in progress for this case; end it before starting another</source>
        <translation type="unfinished">mae sesiwn ar y gweill yn barod ar gyfer yr achos hwn; gorffennwch hi cyn dechrau un arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="122"/>
        <source>the statement is signed; start a further statement before another sitting (&apos;statement further&apos;)</source>
        <translation type="unfinished">mae&apos;r datganiad wedi&apos;i lofnodi; dechreuwch ddatganiad pellach cyn sesiwn arall (&apos;statement further&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="127"/>
        <source>the sitting is already paused</source>
        <translation type="unfinished">mae&apos;r sesiwn ar saib yn barod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="130"/>
        <source>the sitting is not paused</source>
        <translation type="unfinished">dydy&apos;r sesiwn ddim ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="133"/>
        <source>this statement is signed and can no longer change; a further account is a new statement (&apos;statement further&apos;)</source>
        <translation type="unfinished">mae&apos;r datganiad hwn wedi&apos;i lofnodi ac ni all newid mwyach; mae adroddiad pellach yn ddatganiad newydd (&apos;statement further&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="139"/>
        <source>could not understand the date &apos;{text}&apos;; try e.g. &apos;June 1987&apos;, &apos;summer 1987&apos;, &apos;1985 to 1987&apos; or &apos;aged about 12&apos;</source>
        <translation type="unfinished">doedd dim modd deall y dyddiad &apos;{text}&apos;; rhowch gynnig ar eiriad arall, e.e. &apos;Mehefin 1987&apos;, &apos;haf 1987&apos;, &apos;1985 i 1987&apos; neu &apos;tua 12 oed&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="144"/>
        <source>&apos;{text}&apos; is in the future; check the year</source>
        <translation type="unfinished">mae &apos;{text}&apos; yn y dyfodol; gwiriwch y flwyddyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="147"/>
        <source>&apos;{text}&apos; ends before it starts; put the earlier date first</source>
        <translation type="unfinished">mae &apos;{text}&apos; yn gorffen cyn iddo ddechrau; rhowch y dyddiad cynharach yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="150"/>
        <source>&apos;{text}&apos; needs the survivor&apos;s date of birth; add it to the restricted details first</source>
        <translation type="unfinished">mae angen dyddiad geni&apos;r goroeswr ar gyfer &apos;{text}&apos;; ychwanegwch ef at y manylion cyfyngedig yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="154"/>
        <source>the date of birth is after today; correct it in the restricted details</source>
        <translation type="unfinished">mae&apos;r dyddiad geni ar ôl heddiw; cywirwch ef yn y manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="157"/>
        <source>the year {year} is before {first}; check the year</source>
        <translation type="unfinished">mae&apos;r flwyddyn {year} cyn {first}; gwiriwch y flwyddyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="160"/>
        <source>an age of {age} is not possible; check the age</source>
        <translation type="unfinished">dydy {age} oed ddim yn bosibl; gwiriwch yr oedran</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="163"/>
        <source>no earlier event matches &apos;{event}&apos;; add that event first or give a date</source>
        <translation type="unfinished">does dim digwyddiad cynharach yn cyfateb i &apos;{event}&apos;; ychwanegwch y digwyddiad hwnnw yn gyntaf neu rhowch ddyddiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="166"/>
        <source>&apos;{first}&apos; and &apos;{second}&apos; do not overlap, so they cannot both be right; check each part (and the date of birth, for an age or a school year)</source>
        <translation type="unfinished">dydy &apos;{first}&apos; a &apos;{second}&apos; ddim yn gorgyffwrdd, felly all y ddau ddim bod yn gywir; gwiriwch bob rhan (a&apos;r dyddiad geni, os oes oedran neu flwyddyn ysgol)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="172"/>
        <source>the statement has no text yet, so there is nothing to read back</source>
        <translation type="unfinished">does dim testun yn y datganiad eto, felly does dim byd i&apos;w ddarllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="175"/>
        <source>the statement must be read back and confirmed by the witness before it is signed (&apos;statement readback --confirmed&apos;)</source>
        <translation type="unfinished">rhaid darllen y datganiad yn ôl a chael cadarnhad y tyst cyn ei lofnodi (&apos;statement readback --confirmed&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="180"/>
        <source>the witness&apos;s name is needed on the statement before signing (&apos;witness set --name&apos;)</source>
        <translation type="unfinished">mae angen enw&apos;r tyst ar y datganiad cyn ei lofnodi (&apos;witness set --name&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="184"/>
        <source>the statement must say whether the witness is under 18: record their age if under 18, or that they are over 18, before signing (&apos;witness set --age N&apos; or &apos;--age-status over_18&apos;)</source>
        <translation type="unfinished">rhaid i&apos;r datganiad ddweud a yw&apos;r tyst o dan 18: cofnodwch eu hoedran os ydyn nhw o dan 18, neu nodwch eu bod dros 18, cyn ei lofnodi (&apos;witness set --age N&apos; neu &apos;--age-status over_18&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="190"/>
        <source>the age status must be one of: {statuses}</source>
        <translation type="unfinished">rhaid i&apos;r statws oedran fod yn un o&apos;r canlynol: {statuses}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="193"/>
        <source>this statement is already signed</source>
        <translation type="unfinished">mae&apos;r datganiad hwn wedi&apos;i lofnodi&apos;n barod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="196"/>
        <source>the signature is empty; ask the witness to sign again</source>
        <translation type="unfinished">mae&apos;r llofnod yn wag; gofynnwch i&apos;r tyst lofnodi eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="281"/>
        <source>only a signed statement can be exported; read it back, have it confirmed and signed first</source>
        <translation type="unfinished">dim ond datganiad wedi&apos;i lofnodi y mae modd ei allforio; darllenwch ef yn ôl, a sicrhewch ei fod wedi&apos;i gadarnhau a&apos;i lofnodi yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="291"/>
        <source>this vault has no signing identity yet; import one with &apos;identity import&apos;</source>
        <translation type="unfinished">does dim hunaniaeth lofnodi yn y gladdgell hon eto; mewnforiwch un gydag &apos;identity import&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="294"/>
        <source>your signing identity cannot be opened in this vault: it was recovered or restored with the organisation&apos;s recovery identity, which never gives access to it; import your identity again (&apos;identity import&apos;) before you sign or export</source>
        <translation type="unfinished">does dim modd agor eich hunaniaeth lofnodi yn y gladdgell hon: cafodd ei hadfer gyda hunaniaeth adfer y sefydliad, nad yw byth yn rhoi mynediad ati; mewnforiwch eich hunaniaeth eto (&apos;identity import&apos;) cyn i chi lofnodi neu allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="300"/>
        <source>your identity has no age identity, so you could not open your own export; import it with &apos;identity import --age-identity FILE&apos;</source>
        <translation type="unfinished">does dim hunaniaeth age yn eich hunaniaeth, felly fyddech chi ddim yn gallu agor eich allforiad eich hun; mewnforiwch hi gydag &apos;identity import --age-identity FILE&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="305"/>
        <source>&apos;{name}&apos; is not a member of the organisation&apos;s trust file</source>
        <translation type="unfinished">dydy &apos;{name}&apos; ddim yn aelod yn ffeil ymddiried y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="308"/>
        <source>a bundle can go to at most {limit} recipients, you included; {count} were chosen, so choose fewer</source>
        <translation type="unfinished">gall bwndel fynd at {limit} o dderbynwyr ar y mwyaf, gan eich cynnwys chi; dewiswyd {count}, felly dewiswch lai</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="313"/>
        <source>import the organisation&apos;s trust file first (&apos;identity import --trust&apos;): only a member with the role &apos;interviewer&apos; may export a statement</source>
        <translation type="unfinished">mewnforiwch ffeil ymddiried y sefydliad yn gyntaf (&apos;identity import --trust&apos;): dim ond aelod â&apos;r rôl &apos;interviewer&apos; gaiff allforio datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="318"/>
        <source>your certificate is not in the organisation&apos;s trust file; only a member with the role &apos;interviewer&apos; may export a statement</source>
        <translation type="unfinished">dydy eich tystysgrif ddim yn ffeil ymddiried y sefydliad; dim ond aelod â&apos;r rôl &apos;interviewer&apos; gaiff allforio datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="323"/>
        <source>only a member with the role &apos;interviewer&apos; may export a statement; the organisation&apos;s trust file gives you the role &apos;{role}&apos;</source>
        <translation type="unfinished">dim ond aelod â&apos;r rôl &apos;interviewer&apos; gaiff allforio datganiad; mae ffeil ymddiried y sefydliad yn rhoi&apos;r rôl &apos;{role}&apos; i chi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="328"/>
        <source>the bundle&apos;s {name} would be larger than the {limit} MiB a bundle may hold, so nobody could verify it; nothing was exported</source>
        <translation type="unfinished">byddai {name} y bwndel yn fwy na&apos;r {limit} MiB y caiff bwndel ei ddal, felly fyddai neb yn gallu ei wirio; chafodd dim byd ei allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="334"/>
        <source>the exhibit reference must be the producer&apos;s initials in capitals (1 to 4 letters), &apos;/&apos; and a number from 1 to 999, such as RP/1</source>
        <translation type="unfinished">rhaid i gyfeirnod yr arddangosyn fod yn llythrennau blaen y sawl sy&apos;n ei gyflwyno mewn priflythrennau (1 i 4 llythyren), &apos;/&apos; a rhif o 1 i 999, fel RP/1</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="339"/>
        <source>this statement is signed, so the exhibits it produces can no longer change; exhibits for a further account belong to a further statement (&apos;statement further&apos;)</source>
        <translation type="unfinished">mae&apos;r datganiad hwn wedi&apos;i lofnodi, felly ni all yr arddangosion y mae&apos;n eu cyflwyno newid mwyach; mae arddangosion ar gyfer adroddiad pellach yn perthyn i ddatganiad pellach (&apos;statement further&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="344"/>
        <source>no exhibit of this case has the reference {reference}; see &apos;exhibit list&apos;</source>
        <translation type="unfinished">does dim arddangosyn yn yr achos hwn gyda&apos;r cyfeirnod {reference}; gweler &apos;exhibit list&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="347"/>
        <source>the exhibit {reference} was removed from the register before signing</source>
        <translation type="unfinished">cafodd yr arddangosyn {reference} ei dynnu o&apos;r gofrestr cyn llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="350"/>
        <source>the reference {reference} is already an exhibit of this case; give another</source>
        <translation type="unfinished">mae arddangosyn yn yr achos hwn gyda&apos;r cyfeirnod {reference} yn barod; rhowch gyfeirnod arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="353"/>
        <source>the reference {reference} belonged to an exhibit that was removed, and a reference is never used twice, so that nothing can be mistaken for it; give the next number</source>
        <translation type="unfinished">roedd y cyfeirnod {reference} yn perthyn i arddangosyn a gafodd ei dynnu, a dydy cyfeirnod byth yn cael ei ddefnyddio ddwywaith, fel nad oes modd drysu dim byd ag ef; rhowch y rhif nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="358"/>
        <source>the exhibit&apos;s file is larger than {limit} MiB, the most one exhibit may hold; nothing was added</source>
        <translation type="unfinished">mae ffeil yr arddangosyn yn fwy na {limit} MiB, y mwyaf y caiff un arddangosyn ei ddal; chafodd dim byd ei ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="363"/>
        <source>the exhibit&apos;s file is empty; nothing was added</source>
        <translation type="unfinished">mae ffeil yr arddangosyn yn wag; chafodd dim byd ei ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="366"/>
        <source>a statement&apos;s exhibits may bring at most {limit} files into its export; nothing was added</source>
        <translation type="unfinished">gall arddangosion datganiad ddod â {limit} o ffeiliau ar y mwyaf i&apos;w allforiad; chafodd dim byd ei ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="370"/>
        <source>the exhibits&apos; files together would be larger than {limit} MiB, the most one statement&apos;s export may carry; nothing was added</source>
        <translation type="unfinished">byddai ffeiliau&apos;r arddangosion gyda&apos;i gilydd yn fwy na {limit} MiB, y mwyaf y caiff allforiad un datganiad ei gario; chafodd dim byd ei ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="375"/>
        <source>the file of the exhibit {reference} no longer matches the SHA-256 stored with it; restore the vault from a backup</source>
        <translation type="unfinished">dydy ffeil yr arddangosyn {reference} ddim yn cyfateb mwyach i&apos;r SHA-256 a gafodd ei storio gyda hi; adferwch y gladdgell o gopi wrth gefn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="380"/>
        <source>the bundle would hold {count} files, more than the {limit} a bundle may hold, so nobody could verify it; nothing was exported</source>
        <translation type="unfinished">byddai&apos;r bwndel yn dal {count} o ffeiliau, mwy na&apos;r {limit} y gall bwndel eu dal, felly fyddai neb yn gallu ei wirio; chafodd dim byd ei allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="385"/>
        <source>the bundle would be larger than the {limit} MiB a bundle may be, so nobody could verify it; nothing was exported (its exhibits&apos; files take the most room)</source>
        <translation type="unfinished">byddai&apos;r bwndel yn fwy na&apos;r {limit} MiB a ganiateir i fwndel, felly fyddai neb yn gallu ei wirio; chafodd dim byd ei allforio (ffeiliau ei arddangosion sy&apos;n cymryd y rhan fwyaf o&apos;r lle)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="390"/>
        <source>the folder {path} does not exist</source>
        <translation type="unfinished">dydy&apos;r ffolder {path} ddim yn bodoli</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="393"/>
        <source>the organisation&apos;s trust file expired on {date}; import the current one</source>
        <translation type="unfinished">daeth ffeil ymddiried y sefydliad i ben ar {date}; mewnforiwch yr un gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="397"/>
        <source>this vault has no age identity to open bundles with; import it with your identity</source>
        <translation type="unfinished">does dim hunaniaeth age yn y gladdgell hon i agor bwndeli; mewnforiwch hi gyda&apos;ch hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="401"/>
        <source>import the organisation&apos;s trust file first</source>
        <translation type="unfinished">mewnforiwch ffeil ymddiried y sefydliad yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="404"/>
        <source>this is not a Quietroom bundle (it is not an age-encrypted file)</source>
        <translation type="unfinished">nid bwndel Quietroom yw hwn (dydy hi ddim yn ffeil wedi&apos;i hamgryptio ag age)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="407"/>
        <source>you are not a recipient of this bundle</source>
        <translation type="unfinished">dydych chi ddim yn un o dderbynwyr y bwndel hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="410"/>
        <source>the bundle is damaged or has been altered: it does not decrypt</source>
        <translation type="unfinished">mae&apos;r bwndel wedi&apos;i ddifrodi neu wedi&apos;i newid: does dim modd ei ddadgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="413"/>
        <source>the bundle is encrypted to more than {limit} recipients, more than any Quietroom bundle; it was not opened</source>
        <translation type="unfinished">mae&apos;r bwndel wedi&apos;i amgryptio i fwy na {limit} o dderbynwyr, mwy nag unrhyw fwndel Quietroom; chafodd e ddim ei agor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="418"/>
        <source>the bundle&apos;s encryption header is larger than {limit} KiB, larger than any Quietroom bundle&apos;s; it was not opened</source>
        <translation type="unfinished">mae pennyn amgryptio&apos;r bwndel yn fwy na {limit} KiB, yn fwy nag un unrhyw fwndel Quietroom; chafodd e ddim ei agor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="423"/>
        <source>the bundle was signed by a member with the role {role}; only an interviewer may author a statement</source>
        <translation type="unfinished">cafodd y bwndel ei lofnodi gan aelod â&apos;r rôl {role}; dim ond cyfwelydd gaiff fod yn awdur datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="428"/>
        <source>cannot read {path}: {reason}</source>
        <translation type="unfinished">does dim modd darllen {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="15"/>
        <source>the {what} {path} does not exist</source>
        <translation type="unfinished">dydy&apos;r {what} {path} ddim yn bodoli</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="18"/>
        <source>cannot read the {what} {path}</source>
        <translation type="unfinished">does dim modd darllen y {what} {path}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="21"/>
        <source>give the private key file too, or a PKCS#12 (.p12) file holding both certificate and key</source>
        <translation type="unfinished">rhowch y ffeil allwedd breifat hefyd, neu ffeil PKCS#12 (.p12) sy&apos;n cynnwys y dystysgrif a&apos;r allwedd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="25"/>
        <source>this is a CA certificate, not a staff member&apos;s signing certificate</source>
        <translation type="unfinished">tystysgrif CA yw hon, nid tystysgrif lofnodi aelod o staff</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="28"/>
        <source>this certificate is not allowed to sign documents</source>
        <translation type="unfinished">dydy&apos;r dystysgrif hon ddim yn cael llofnodi dogfennau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="31"/>
        <source>this signing certificate has expired; ask for a new one</source>
        <translation type="unfinished">mae&apos;r dystysgrif llofnodi hon wedi dod i ben; gofynnwch am un newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="34"/>
        <source>this signing certificate is not valid yet</source>
        <translation type="unfinished">dydy&apos;r dystysgrif llofnodi hon ddim yn ddilys eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="37"/>
        <source>{path} is not an age identity file</source>
        <translation type="unfinished">dydy {path} ddim yn ffeil hunaniaeth age</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="40"/>
        <source>this is the organisation&apos;s trust-list signing certificate, not a staff member&apos;s signing certificate</source>
        <translation type="unfinished">tystysgrif lofnodi rhestr ymddiried y sefydliad yw hon, nid tystysgrif lofnodi aelod o staff</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="45"/>
        <source>the PKCS#12 file holds no signing key</source>
        <translation type="unfinished">does dim allwedd lofnodi yn y ffeil PKCS#12</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="48"/>
        <source>give both the authentication certificate and its key, or neither</source>
        <translation type="unfinished">rhowch y dystysgrif ddilysu a&apos;i hallwedd, neu&apos;r un o&apos;r ddwy</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="51"/>
        <source>the PKCS#12 file already holds an authentication key; do not give another</source>
        <translation type="unfinished">mae allwedd ddilysu yn y ffeil PKCS#12 eisoes; peidiwch â rhoi un arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="55"/>
        <source>the authentication certificate is not for TLS client authentication</source>
        <translation type="unfinished">dydy&apos;r dystysgrif ddilysu ddim ar gyfer dilysu cleient TLS</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="58"/>
        <source>the authentication certificate uses the signing key; they must be separate keys</source>
        <translation type="unfinished">mae&apos;r dystysgrif ddilysu yn defnyddio&apos;r allwedd lofnodi; rhaid iddynt fod yn allweddi ar wahân</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="62"/>
        <source>the authentication certificate names someone else than the signing certificate</source>
        <translation type="unfinished">mae&apos;r dystysgrif ddilysu yn enwi rhywun heblaw&apos;r un yn y dystysgrif llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="66"/>
        <source>the authentication certificate has expired or is not valid yet; ask for a new one</source>
        <translation type="unfinished">mae&apos;r dystysgrif ddilysu wedi dod i ben neu dydy hi ddim yn ddilys eto; gofynnwch am un newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="70"/>
        <source>the age identity file is not the one in the PKCS#12 file; give only one</source>
        <translation type="unfinished">nid y ffeil hunaniaeth age yw&apos;r un yn y ffeil PKCS#12; rhowch un yn unig</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="74"/>
        <source>this is an authentication (TLS) certificate, not a signing certificate</source>
        <translation type="unfinished">tystysgrif ddilysu (TLS) yw hon, nid tystysgrif lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="78"/>
        <source>the authentication certificate is not the one the trust file lists for you; ask for an up-to-date trust file</source>
        <translation type="unfinished">nid y dystysgrif ddilysu yw&apos;r un y mae&apos;r ffeil ymddiried yn ei rhestru ar eich cyfer; gofynnwch am ffeil ymddiried gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="83"/>
        <source>this certificate is not listed in the organisation&apos;s trust file; ask for an up-to-date trust file</source>
        <translation type="unfinished">dydy&apos;r dystysgrif hon ddim wedi&apos;i rhestru yn ffeil ymddiried y sefydliad; gofynnwch am ffeil ymddiried gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="88"/>
        <source>the trust file is not signed: {name} is missing or unreadable</source>
        <translation type="unfinished">dydy&apos;r ffeil ymddiried ddim wedi&apos;i llofnodi: mae {name} ar goll neu does dim modd ei darllen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="91"/>
        <source>this trust file (serial {serial}) is older than the one already imported (serial {current}); ask your administrator for the current one</source>
        <translation type="unfinished">mae&apos;r ffeil ymddiried hon (rhif cyfresol {serial}) yn hŷn na&apos;r un sydd wedi&apos;i mewnforio&apos;n barod (rhif cyfresol {current}); gofynnwch i&apos;ch gweinyddwr am yr un gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="96"/>
        <source>this trust file has the same serial ({serial}) as the one already imported but different contents; ask your administrator for the current one</source>
        <translation type="unfinished">mae gan y ffeil ymddiried hon yr un rhif cyfresol ({serial}) â&apos;r un sydd wedi&apos;i mewnforio&apos;n barod, ond mae ei chynnwys yn wahanol; gofynnwch i&apos;ch gweinyddwr am yr un gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="101"/>
        <source>this trust file (issued {issued}) is older than the one already imported (issued {current}); ask your administrator for the current one</source>
        <translation type="unfinished">mae&apos;r ffeil ymddiried hon (a gyhoeddwyd {issued}) yn hŷn na&apos;r un sydd wedi&apos;i mewnforio&apos;n barod (a gyhoeddwyd {current}); gofynnwch i&apos;ch gweinyddwr am yr un gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="107"/>
        <source>only a supervisor can open a bundle for review; nothing was stored</source>
        <translation type="unfinished">dim ond goruchwyliwr gaiff agor bwndel i&apos;w adolygu; chafodd dim byd ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="110"/>
        <source>a different bundle with the same bundle id is already under review; nothing was stored</source>
        <translation type="unfinished">mae bwndel gwahanol â&apos;r un id bwndel yn cael ei adolygu&apos;n barod; chafodd dim byd ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="114"/>
        <source>this bundle no longer verifies: {problems}</source>
        <translation type="unfinished">dydy&apos;r bwndel hwn ddim yn cael ei ddilysu mwyach: {problems}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="117"/>
        <source>there is no such review in this vault</source>
        <translation type="unfinished">does dim adolygiad o&apos;r fath yn y gladdgell hon</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="120"/>
        <source>this review has already been decided; a review is decided only once</source>
        <translation type="unfinished">mae penderfyniad eisoes wedi&apos;i wneud ar yr adolygiad hwn; dim ond unwaith y gwneir penderfyniad ar adolygiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="123"/>
        <source>checklist item {position} ({item}) is not answered yet ({count} of {total} items are unanswered); approval needs every item answered</source>
        <translation type="unfinished">dydy eitem {position} ({item}) ar y rhestr wirio ddim wedi&apos;i hateb eto ({count} o {total} eitem heb eu hateb); mae angen ateb pob eitem cyn cymeradwyo</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="128"/>
        <source>checklist item {position} ({item}) is marked not met; say why in its comment</source>
        <translation type="unfinished">mae eitem {position} ({item}) ar y rhestr wirio wedi&apos;i nodi heb ei bodloni; dywedwch pam yn ei sylw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="132"/>
        <source>the comment on checklist item {position} ({item}) is longer than {limit} characters</source>
        <translation type="unfinished">mae&apos;r sylw ar eitem {position} ({item}) ar y rhestr wirio yn hirach na {limit} nod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="136"/>
        <source>the comment on checklist item {position} ({item}) holds a character that is not allowed ({code}); comments may have line breaks and tabs but no other control characters</source>
        <translation type="unfinished">mae&apos;r sylw ar eitem {position} ({item}) ar y rhestr wirio yn cynnwys nod sydd ddim yn cael ei ganiatáu ({code}); caiff sylwadau gynnwys toriadau llinell a thabiau ond dim nodau rheoli eraill</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="142"/>
        <source>returning a statement needs comments saying what to change</source>
        <translation type="unfinished">i ddychwelyd datganiad, mae angen sylwadau sy&apos;n dweud beth i&apos;w newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="145"/>
        <source>the comments are too long (at most {limit} characters)</source>
        <translation type="unfinished">mae&apos;r sylwadau&apos;n rhy hir (dim mwy na {limit} nod)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="148"/>
        <source>the comments hold a control character; use plain text</source>
        <translation type="unfinished">mae nod rheoli yn y sylwadau; defnyddiwch destun plaen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="151"/>
        <source>{path} is a folder; give a file name for the decision</source>
        <translation type="unfinished">ffolder yw {path}; rhowch enw ffeil ar gyfer y penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="154"/>
        <source>the interviewer who wrote this statement is no longer in the trust file; ask your administrator</source>
        <translation type="unfinished">dydy&apos;r cyfwelydd a ysgrifennodd y datganiad hwn ddim yn y ffeil ymddiried mwyach; holwch eich gweinyddwr</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="159"/>
        <source>The statement is already countersigned; it was not signed again.</source>
        <translation type="unfinished">Mae&apos;r datganiad wedi&apos;i gydlofnodi&apos;n barod; chafodd e ddim ei lofnodi eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="162"/>
        <source>The statement carries no signature to countersign; it was not signed.</source>
        <translation type="unfinished">Does dim llofnod ar y datganiad i&apos;w gydlofnodi; chafodd e ddim ei lofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="167"/>
        <source>this is not a Quietroom decision file (it is not an age-encrypted file)</source>
        <translation type="unfinished">nid ffeil penderfyniad Quietroom yw hon (dydy hi ddim yn ffeil wedi&apos;i hamgryptio ag age)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="171"/>
        <source>the decision file&apos;s encryption header is larger than any Quietroom decision file&apos;s; it was not opened</source>
        <translation type="unfinished">mae pennyn amgryptio&apos;r ffeil penderfyniad yn fwy nag un unrhyw ffeil penderfyniad Quietroom; chafodd hi ddim ei hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="176"/>
        <source>you are not a recipient of this decision file</source>
        <translation type="unfinished">dydych chi ddim yn un o dderbynwyr y ffeil penderfyniad hon</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="179"/>
        <source>the decision file is damaged or has been altered: it does not decrypt</source>
        <translation type="unfinished">mae&apos;r ffeil penderfyniad wedi&apos;i difrodi neu wedi&apos;i newid: does dim modd ei dadgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="182"/>
        <source>the decision did not verify: {problems}</source>
        <translation type="unfinished">chafodd y penderfyniad mo&apos;i ddilysu: {problems}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="185"/>
        <source>this decision is about a bundle this vault never exported; nothing was changed</source>
        <translation type="unfinished">mae&apos;r penderfyniad hwn yn ymwneud â bwndel na chafodd erioed ei allforio o&apos;r gladdgell hon; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="189"/>
        <source>this decision names one of this vault&apos;s bundles but not its contents; nothing was changed</source>
        <translation type="unfinished">mae&apos;r penderfyniad hwn yn enwi un o fwndeli&apos;r gladdgell hon ond nid ei gynnwys; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="193"/>
        <source>the countersigned statement was not signed by you; nothing was changed</source>
        <translation type="unfinished">nid chi lofnododd y datganiad sydd wedi&apos;i gydlofnodi; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="197"/>
        <source>the countersigned statement is not the one exported in that bundle; nothing was changed</source>
        <translation type="unfinished">nid y datganiad a gydlofnodwyd yw&apos;r un a allforiwyd yn y bwndel hwnnw; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="201"/>
        <source>a different decision with the same id was already imported; nothing was changed</source>
        <translation type="unfinished">mae penderfyniad gwahanol â&apos;r un id wedi&apos;i fewnforio&apos;n barod; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="206"/>
        <source>&apos;{url}&apos; is not an intake address; give https://HOST or https://HOST:PORT</source>
        <translation type="unfinished">dydy &apos;{url}&apos; ddim yn gyfeiriad gwasanaeth derbyn; rhowch https://HOST neu https://HOST:PORT</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="210"/>
        <source>no intake address is set and the trust file names none; set it with &apos;sync configure --url https://HOST:PORT&apos;</source>
        <translation type="unfinished">does dim cyfeiriad gwasanaeth derbyn wedi&apos;i osod a dydy&apos;r ffeil ymddiried ddim yn enwi un; gosodwch un gyda &apos;sync configure --url https://HOST:PORT&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="215"/>
        <source>this vault has no authentication certificate to connect to the intake with; import your identity.p12 (or --auth-cert and --auth-key) with &apos;identity import&apos;</source>
        <translation type="unfinished">does dim tystysgrif ddilysu yn y gladdgell hon i gysylltu â&apos;r gwasanaeth derbyn; mewnforiwch eich identity.p12 (neu --auth-cert a --auth-key) gyda &apos;identity import&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="220"/>
        <source>this system cannot keep the TLS key in memory (no memfd_create)</source>
        <translation type="unfinished">all y system hon ddim cadw&apos;r allwedd TLS yn y cof (dim memfd_create)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="223"/>
        <source>the organisation&apos;s trust file lists no intake service, so nothing can be sent to it; ask your administrator</source>
        <translation type="unfinished">dydy ffeil ymddiried y sefydliad ddim yn rhestru gwasanaeth derbyn, felly does dim modd anfon dim byd ato; gofynnwch i&apos;ch gweinyddwr</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="228"/>
        <source>nothing in the outbox has that id; see &apos;sync status&apos;</source>
        <translation type="unfinished">does dim byd yn y blwch allan â&apos;r id hwnnw; gweler &apos;sync status&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="231"/>
        <source>the intake&apos;s receipt did not check ({detail}); the item stays in the outbox</source>
        <translation type="unfinished">methodd gwiriad derbynneb y gwasanaeth derbyn ({detail}); mae&apos;r eitem yn aros yn y blwch allan</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="235"/>
        <source>the intake could not be reached ({reason}); nothing was lost: try again when the network is back</source>
        <translation type="unfinished">doedd dim modd cyrraedd y gwasanaeth derbyn ({reason}); chollwyd dim byd: rhowch gynnig arall arni pan fydd y rhwydwaith yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="240"/>
        <source>give --out FILE.qrb, or --send, or both</source>
        <translation type="unfinished">rhowch --out FFEIL.qrb, neu --send, neu&apos;r ddau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_exchange.py" line="243"/>
        <source>give --out FILE.qrr, or --send, or both</source>
        <translation type="unfinished">rhowch --out FFEIL.qrr, neu --send, neu&apos;r ddau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="55"/>
        <source>something went wrong and nothing further was changed; please try again</source>
        <translation type="unfinished">aeth rhywbeth o&apos;i le a does dim byd arall wedi newid; rhowch gynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="59"/>
        <source>an administrator can restore access with &apos;quietroom-cli recover&apos; and the organisation&apos;s recovery identity</source>
        <translation type="unfinished">gall gweinyddwr adfer mynediad gyda &apos;quietroom-cli recover&apos; a hunaniaeth adfer y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="64"/>
        <source>this vault has no recovery key, so it can only be opened on the machine and user account where it was created</source>
        <translation type="unfinished">does gan y gladdgell hon ddim allwedd adfer, felly dim ond ar y peiriant a&apos;r cyfrif defnyddiwr lle cafodd ei chreu y mae modd ei hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="69"/>
        <source>certificate file</source>
        <translation type="unfinished">ffeil tystysgrif</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="70"/>
        <source>key file</source>
        <translation type="unfinished">ffeil allwedd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages.py" line="71"/>
        <source>trust file</source>
        <translation type="unfinished">ffeil ymddiried</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="238"/>
        <source>sitting {number} is still {state}: end the sitting first (&apos;sitting end&apos;), or let signing end it (&apos;statement sign --end-sitting&apos;)</source>
        <translation type="unfinished">mae sesiwn {number} {state} o hyd: dewch â&apos;r sesiwn i ben yn gyntaf (&apos;sitting end&apos;), neu gadewch i&apos;r llofnodi ddod â hi i ben (&apos;statement sign --end-sitting&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="243"/>
        <source>this statement is in Welsh, and the organisation has not yet approved a Welsh s.9 declaration, so it cannot be signed; the organisation sets it with &apos;org policy --welsh-declaration-file&apos;, then this vault takes the new trust file</source>
        <translation type="unfinished">mae&apos;r datganiad hwn yn Gymraeg, a dydy&apos;r sefydliad ddim wedi cymeradwyo datganiad a.9 Cymraeg eto, felly does dim modd ei lofnodi; mae&apos;r sefydliad yn ei osod gydag &apos;org policy --welsh-declaration-file&apos;, yna mae&apos;r gladdgell hon yn cymryd y ffeil ymddiriedaeth newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="249"/>
        <source>the organisation&apos;s Welsh s.9 declaration must hold &apos;{placeholder}&apos; exactly once, where the page count goes, so it cannot be signed with yet; ask the organisation to correct it</source>
        <translation type="unfinished">rhaid i ddatganiad a.9 Cymraeg y sefydliad gynnwys &apos;{placeholder}&apos; unwaith yn union, lle mae nifer y tudalennau&apos;n mynd, felly does dim modd llofnodi ag ef eto; gofynnwch i&apos;r sefydliad ei gywiro</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="255"/>
        <source>the statement is signed, so the witness&apos;s signature for the consents can no longer change; start a further statement first</source>
        <translation type="unfinished">mae&apos;r datganiad wedi&apos;i lofnodi, felly ni all llofnod y tyst ar gyfer y cydsyniadau newid mwyach; dechreuwch ddatganiad pellach yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="260"/>
        <source>the statement is signed, so the language it is written in can no longer change; start a further statement first</source>
        <translation type="unfinished">mae&apos;r datganiad wedi&apos;i lofnodi, felly ni all yr iaith y mae wedi&apos;i ysgrifennu ynddi newid mwyach; dechreuwch ddatganiad pellach yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="265"/>
        <source>a hint&apos;s rule is named by its id: 1 to 64 of a-z, 0-9, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;</source>
        <translation type="unfinished">mae rheol awgrym yn cael ei henwi wrth ei dynodwr: 1 i 64 o a-z, 0-9, &apos;_&apos;, &apos;.&apos; a &apos;-&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="270"/>
        <source>sitting {number} is still open on the signed statement; end it first (&apos;sitting end&apos;), so the record says when it ended</source>
        <translation type="unfinished">mae sesiwn {number} yn dal ar agor ar y datganiad wedi&apos;i lofnodi; dewch â hi i ben yn gyntaf (&apos;sitting end&apos;), fel bod y cofnod yn dweud pryd y daeth i ben</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="275"/>
        <source>the s.9 declaration the witness signed is no longer the organisation&apos;s approved wording, so the statement cannot be printed as signed; ask the organisation, or take a further statement</source>
        <translation type="unfinished">nid y datganiad a.9 a lofnododd y tyst yw geiriad cymeradwy&apos;r sefydliad mwyach, felly does dim modd argraffu&apos;r datganiad fel y&apos;i llofnodwyd; gofynnwch i&apos;r sefydliad, neu cymerwch ddatganiad pellach</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="200"/>
        <source>the witness has not confirmed the statement&apos;s pages: show them each page on screen (&apos;statement pages&apos;, then &apos;statement confirm-page&apos; for each), or give --pages-confirmed if they confirmed each page on screen</source>
        <translation type="unfinished">dydy&apos;r tyst ddim wedi cadarnhau tudalennau&apos;r datganiad: dangoswch bob tudalen iddyn nhw ar y sgrin (&apos;statement pages&apos;, yna &apos;statement confirm-page&apos; ar gyfer pob un), neu rhowch --pages-confirmed os ydyn nhw wedi cadarnhau pob tudalen ar y sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="33"/>
        <source>{label} could not be read (is it locked?); unlock your keyring (log in again) and retry</source>
        <translation type="unfinished">doedd dim modd darllen {label} (ydy e wedi&apos;i gloi?); datglowch eich cylch allweddi (mewngofnodwch eto) a rhowch gynnig arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="37"/>
        <source>{label} did not answer within {seconds} seconds (it may be locked and waiting for a password); unlock your keyring (log in again) and retry</source>
        <translation type="unfinished">ni atebodd {label} o fewn {seconds} eiliad (efallai ei fod wedi&apos;i gloi ac yn aros am gyfrinair); datglowch eich cylch allweddi (mewngofnodwch eto) a rhowch gynnig arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="206"/>
        <source>the witness has confirmed {confirmed} of the statement&apos;s {pages} pages; each page must be shown and confirmed before they sign</source>
        <translation type="unfinished">mae&apos;r tyst wedi cadarnhau {confirmed} o {pages} tudalen y datganiad; rhaid dangos a chadarnhau pob tudalen cyn iddyn nhw lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="211"/>
        <source>the statement&apos;s pages are not the pages the witness confirmed (a correction, a changed detail, or a new day: the date beside the signature is the day they confirm the pages, so they sign the same day); nothing was signed: show them the pages again</source>
        <translation type="unfinished">nid tudalennau&apos;r datganiad yw&apos;r tudalennau a gadarnhaodd y tyst (cywiriad, manylyn wedi newid, neu ddiwrnod newydd: y dyddiad wrth y llofnod yw&apos;r diwrnod maen nhw&apos;n cadarnhau&apos;r tudalennau, felly maen nhw&apos;n llofnodi ar yr un diwrnod); ni lofnodwyd dim: dangoswch y tudalennau iddyn nhw eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="217"/>
        <source>the organisation asks the witness to initial each page they confirm; nothing was recorded for page {page}: ask them to initial it</source>
        <translation type="unfinished">mae&apos;r sefydliad yn gofyn i&apos;r tyst roi eu llythrennau blaen ar bob tudalen maen nhw&apos;n ei chadarnhau; ni chofnodwyd dim ar gyfer tudalen {page}: gofynnwch iddyn nhw roi eu llythrennau blaen arni</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="222"/>
        <source>the initials are empty; ask the witness to initial again</source>
        <translation type="unfinished">mae&apos;r llythrennau blaen yn wag; gofynnwch i&apos;r tyst eu rhoi eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="225"/>
        <source>the initials are not valid</source>
        <translation type="unfinished">dydy&apos;r llythrennau blaen ddim yn ddilys</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="228"/>
        <source>the witness confirms the pages after confirming the read-back (&apos;statement readback --confirmed&apos;)</source>
        <translation type="unfinished">mae&apos;r tyst yn cadarnhau&apos;r tudalennau ar ôl cadarnhau&apos;r darllen yn ôl (&apos;statement readback --confirmed&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="233"/>
        <source>end the sitting before the witness confirms the pages: when it ended is printed on the statement (&apos;sitting end&apos;)</source>
        <translation type="unfinished">gorffennwch y sesiwn cyn i&apos;r tyst gadarnhau&apos;r tudalennau: mae pryd y daeth i ben wedi&apos;i argraffu ar y datganiad (&apos;sitting end&apos;)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_interview.py" line="285"/>
        <source>the statement&apos;s pages as they would be exported are not the pages the witness confirmed before signing (the organisation&apos;s marking or name, or the statement taker&apos;s name, may have changed since), so nothing was exported</source>
        <translation type="unfinished">nid tudalennau&apos;r datganiad fel y bydden nhw&apos;n cael eu hallforio yw&apos;r tudalennau a gadarnhaodd y tyst cyn llofnodi (efallai fod marc neu enw&apos;r sefydliad, neu enw&apos;r sawl a gymerodd y datganiad, wedi newid ers hynny), felly ni allforiwyd dim</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="20"/>
        <source>that case is not in this vault any more; choose it again from the case list</source>
        <translation type="unfinished">dydy&apos;r achos hwnnw ddim yn y gladdgell hon mwyach; dewiswch ef eto o&apos;r rhestr achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="24"/>
        <source>no sitting is in progress for this case; press Start sitting first</source>
        <translation type="unfinished">does dim sesiwn ar y gweill ar gyfer yr achos hwn; pwyswch Dechrau sesiwn yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="27"/>
        <source>the statement is signed; press Further statement in the workspace before another sitting</source>
        <translation type="unfinished">mae&apos;r datganiad wedi&apos;i lofnodi; pwyswch Datganiad pellach yn y gweithle cyn sesiwn arall</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="31"/>
        <source>this statement is signed and can no longer change; a further account is a further statement (Further statement, in the workspace)</source>
        <translation type="unfinished">mae&apos;r datganiad hwn wedi&apos;i lofnodi ac ni all newid mwyach; mae hanes pellach yn ddatganiad pellach (Datganiad pellach, yn y gweithle)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="36"/>
        <source>this statement is signed, so the exhibits it produces can no longer change; exhibits for a further account belong to a further statement</source>
        <translation type="unfinished">mae&apos;r datganiad hwn wedi&apos;i lofnodi, felly ni all yr arddangosion y mae&apos;n eu cyflwyno newid mwyach; mae arddangosion ar gyfer hanes pellach yn perthyn i ddatganiad pellach</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="41"/>
        <source>no exhibit of this case has the reference {reference}; the Exhibits tab lists them</source>
        <translation type="unfinished">does dim arddangosyn yn yr achos hwn â&apos;r cyfeirnod {reference}; mae&apos;r tab Arddangosion yn eu rhestru</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="46"/>
        <source>the statement must be read back and confirmed by the witness before it is signed (Read-back, then The witness confirms the statement is correct)</source>
        <translation type="unfinished">rhaid darllen y datganiad yn ôl i&apos;r tyst a&apos;i gadarnhau cyn ei lofnodi (Darllen yn ôl, yna Mae&apos;r tyst yn cadarnhau bod y datganiad yn gywir)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="51"/>
        <source>the witness&apos;s name is needed on the statement before signing; add it to the case first</source>
        <translation type="unfinished">mae angen enw&apos;r tyst ar y datganiad cyn llofnodi; ychwanegwch ef at yr achos yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="55"/>
        <source>the statement must say whether the witness is under 18: record their age if under 18, or that they are over 18, in the case&apos;s details before signing</source>
        <translation type="unfinished">rhaid i&apos;r datganiad ddweud a yw&apos;r tyst o dan 18: cofnodwch ei oedran os yw o dan 18, neu ei fod dros 18, ym manylion yr achos cyn llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="60"/>
        <source>the witness confirms the pages after confirming the read-back; go back to Read-back first</source>
        <translation type="unfinished">mae&apos;r tyst yn cadarnhau&apos;r tudalennau ar ôl cadarnhau&apos;r darllen yn ôl; ewch yn ôl i Darllen yn ôl yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="64"/>
        <source>the witness has not confirmed the statement&apos;s pages: press Show the pages and let them confirm each one</source>
        <translation type="unfinished">dydy&apos;r tyst ddim wedi cadarnhau tudalennau&apos;r datganiad: pwyswch Dangos y tudalennau a gadewch iddo gadarnhau pob un</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="69"/>
        <source>page {page} has changed since it was shown (the statement changed, or a new day began); press Show the pages again</source>
        <translation type="unfinished">mae tudalen {page} wedi newid ers ei dangos (newidiodd y datganiad, neu dechreuodd diwrnod newydd); pwyswch Dangos y tudalennau eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="74"/>
        <source>that page could not be matched to the statement; show the pages again</source>
        <translation type="unfinished">ni ellid paru&apos;r dudalen honno â&apos;r datganiad; dangoswch y tudalennau eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="77"/>
        <source>end the sitting before the witness confirms the pages: when it ended is printed on the statement (End the sitting)</source>
        <translation type="unfinished">gorffennwch y sesiwn cyn i&apos;r tyst gadarnhau&apos;r tudalennau: mae pryd y daeth i ben wedi&apos;i argraffu ar y datganiad (Gorffen y sesiwn)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="82"/>
        <source>sitting {number} is still {state}: end the sitting first (End the sitting), and the statement can be signed</source>
        <translation type="unfinished">mae sesiwn {number} {state} o hyd: gorffennwch y sesiwn yn gyntaf (Gorffen y sesiwn), ac wedyn mae modd llofnodi&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="87"/>
        <source>this statement is in Welsh, and the organisation has not yet approved a Welsh s.9 declaration, so it cannot be signed; ask your administrator for the current trust file, then import it on the Identity screen</source>
        <translation type="unfinished">mae&apos;r datganiad hwn yn Gymraeg, a dydy&apos;r sefydliad ddim wedi cymeradwyo datganiad a.9 Cymraeg eto, felly does dim modd ei lofnodi; gofynnwch i&apos;ch gweinyddwr am y ffeil ymddiried gyfredol, yna mewnforiwch hi ar y sgrin Hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="93"/>
        <source>the witness&apos;s name, as it will appear on the statement, is required</source>
        <translation type="unfinished">mae angen enw&apos;r tyst, fel y bydd yn ymddangos ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="97"/>
        <source>this vault has no signing identity yet; import yours on the Identity screen</source>
        <translation type="unfinished">does dim hunaniaeth lofnodi yn y gladdgell hon eto; mewnforiwch eich un chi ar y sgrin Hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="101"/>
        <source>your signing identity cannot be opened in this vault: it was recovered with the organisation&apos;s recovery identity, which never gives access to it; import your identity again on the Identity screen before you sign or export</source>
        <translation type="unfinished">does dim modd agor eich hunaniaeth lofnodi yn y gladdgell hon: cafodd ei hadfer gyda hunaniaeth adfer y sefydliad, nad yw byth yn rhoi mynediad ati; mewnforiwch eich hunaniaeth eto ar y sgrin Hunaniaeth cyn i chi lofnodi neu allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="107"/>
        <source>your identity has no key for opening bundles sent to you, so you could not open your own export; import your identity file again on the Identity screen</source>
        <translation type="unfinished">does gan eich hunaniaeth ddim o&apos;r allwedd sy&apos;n agor bwndeli a anfonir atoch, felly allech chi ddim agor eich allforyn eich hun; mewnforiwch eich ffeil hunaniaeth eto ar y sgrin Hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="112"/>
        <source>no one to export to: import the organisation&apos;s trust file on the Identity screen, or choose the recipients</source>
        <translation type="unfinished">neb i allforio ato: mewnforiwch ffeil ymddiried y sefydliad ar y sgrin Hunaniaeth, neu dewiswch y derbynwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="117"/>
        <source>import the organisation&apos;s trust file on the Identity screen to choose recipients by name</source>
        <translation type="unfinished">mewnforiwch ffeil ymddiried y sefydliad ar y sgrin Hunaniaeth i ddewis derbynwyr wrth eu henwau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="121"/>
        <source>import the organisation&apos;s trust file on the Identity screen first: only a member with the role &apos;interviewer&apos; may export a statement</source>
        <translation type="unfinished">mewnforiwch ffeil ymddiried y sefydliad ar y sgrin Hunaniaeth yn gyntaf: dim ond aelod â&apos;r rôl &apos;interviewer&apos; all allforio datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="126"/>
        <source>the trust file lists no supervisor or intake service; choose the recipients</source>
        <translation type="unfinished">dydy&apos;r ffeil ymddiried ddim yn rhestru goruchwyliwr na gwasanaeth derbyn; dewiswch y derbynwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="130"/>
        <source>sitting {number} is still open on the signed statement; end it in the workspace first (End sitting), so the record says when it ended</source>
        <translation type="unfinished">mae sesiwn {number} yn dal ar agor ar y datganiad a lofnodwyd; gorffennwch hi yn y gweithle yn gyntaf (Gorffen sesiwn), fel bod y cofnod yn dweud pryd y daeth i ben</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="136"/>
        <source>this vault has no authentication certificate to connect to the central system with; import your identity.p12 on the Identity screen</source>
        <translation type="unfinished">does gan y gladdgell hon ddim tystysgrif ddilysu i gysylltu â&apos;r system ganolog; mewnforiwch eich identity.p12 ar y sgrin Hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="141"/>
        <source>no address is set for the central system and the trust file names none; set it in Settings</source>
        <translation type="unfinished">does dim cyfeiriad wedi&apos;i osod ar gyfer y system ganolog a dydy&apos;r ffeil ymddiried ddim yn enwi un; gosodwch ef yn Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="146"/>
        <source>that item is not in the outbox any more; the Outbox screen lists them</source>
        <translation type="unfinished">dydy&apos;r eitem honno ddim yn y blwch allan mwyach; mae&apos;r sgrin Blwch allan yn eu rhestru</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="150"/>
        <source>no acceptable OS keyring is available (Secret Service, KWallet, macOS Keychain or Windows Credential Locker); start one, or create a vault protected by its passphrase only</source>
        <translation type="unfinished">does dim cylch allweddi system derbyniol ar gael (Secret Service, KWallet, macOS Keychain neu Windows Credential Locker); dechreuwch un, neu crëwch gladdgell a ddiogelir gan ei chyfrinymadrodd yn unig</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="156"/>
        <source>an administrator can restore access with the organisation&apos;s recovery identity</source>
        <translation type="unfinished">gall gweinyddwr adfer mynediad gyda hunaniaeth adfer y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="160"/>
        <source>nothing was written; an administrator can restore it here with the organisation&apos;s recovery identity</source>
        <translation type="unfinished">ni ysgrifennwyd dim; gall gweinyddwr ei hadfer yma gyda hunaniaeth adfer y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="165"/>
        <source>there is no vault at {path}; Quietroom creates one when it starts</source>
        <translation type="unfinished">does dim claddgell yn {path}; mae Quietroom yn creu un pan fydd yn dechrau</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_desktop.py" line="168"/>
        <source>there is no vault at {path} to recover; an administrator can restore a backup with the organisation&apos;s recovery identity</source>
        <translation type="unfinished">does dim claddgell yn {path} i&apos;w hadfer; gall gweinyddwr adfer copi wrth gefn gyda hunaniaeth adfer y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="16"/>
        <source>a case with the reference &apos;{reference}&apos; already exists</source>
        <translation type="unfinished">mae achos gyda&apos;r cyfeirnod &apos;{reference}&apos; yn bodoli&apos;n barod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="19"/>
        <source>a reference cannot look like a case id (32 hexadecimal characters); use the organisation&apos;s own reference</source>
        <translation type="unfinished">all cyfeirnod ddim edrych fel id achos (32 nod hecsadegol); defnyddiwch gyfeirnod y sefydliad ei hun</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="24"/>
        <source>unknown category &apos;{category}&apos;; choose csa, apsp or general</source>
        <translation type="unfinished">categori anhysbys &apos;{category}&apos;; dewiswch csa, apsp neu general</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="27"/>
        <source>unknown statement language &apos;{language}&apos;; use en (English) or cy (Welsh)</source>
        <translation type="unfinished">iaith datganiad anhysbys &apos;{language}&apos;; defnyddiwch en (Saesneg) neu cy (Cymraeg)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="30"/>
        <source>unknown status &apos;{status}&apos;; choose {statuses}</source>
        <translation type="unfinished">statws anhysbys &apos;{status}&apos;; dewiswch {statuses}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="34"/>
        <source>the evidence is visually recorded, so the recording&apos;s ABE reference is needed too</source>
        <translation type="unfinished">mae&apos;r dystiolaeth wedi&apos;i recordio&apos;n weledol, felly mae angen cyfeirnod ABE y recordiad hefyd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="38"/>
        <source>an ABE recording reference is only kept for a visually recorded interview; say it was visually recorded, or give no reference</source>
        <translation type="unfinished">dim ond ar gyfer cyfweliad sydd wedi&apos;i recordio&apos;n weledol y caiff cyfeirnod recordiad ABE ei gadw; dywedwch ei fod wedi&apos;i recordio&apos;n weledol, neu peidiwch â rhoi cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="43"/>
        <source>the age is only recorded when under 18 (1–17)</source>
        <translation type="unfinished">dim ond pan fydd o dan 18 (1–17) y caiff yr oedran ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="46"/>
        <source>the break interval must be between 5 and 180 minutes</source>
        <translation type="unfinished">rhaid i&apos;r cyfnod rhwng seibiannau fod rhwng 5 a 180 munud</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="49"/>
        <source>unknown witness detail &apos;{name}&apos;</source>
        <translation type="unfinished">manylyn tyst anhysbys &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="52"/>
        <source>whether the evidence is visually recorded is yes or no</source>
        <translation type="unfinished">mae p&apos;un a yw&apos;r dystiolaeth wedi&apos;i recordio&apos;n weledol yn ie neu na</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="55"/>
        <source>willing to attend court is one of: {answers}</source>
        <translation type="unfinished">rhaid i&apos;r ateb i &apos;yn fodlon mynd i&apos;r llys&apos; fod yn un o: {answers}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="58"/>
        <source>unknown restricted detail &apos;{name}&apos;</source>
        <translation type="unfinished">manylyn cyfyngedig anhysbys &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="61"/>
        <source>a consent is either given or withdrawn</source>
        <translation type="unfinished">mae cydsyniad naill ai wedi&apos;i roi neu wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="64"/>
        <source>the date of birth must be written YYYY-MM-DD or DD/MM/YYYY, for example 1979-03-21 or 21/03/1979</source>
        <translation type="unfinished">rhaid ysgrifennu&apos;r dyddiad geni fel YYYY-MM-DD neu DD/MM/YYYY, er enghraifft 1979-03-21 neu 21/03/1979</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="69"/>
        <source>the date of birth is in the future</source>
        <translation type="unfinished">mae&apos;r dyddiad geni yn y dyfodol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="72"/>
        <source>the date of birth seems to be written month first; write the day first, for example 21/03/1979, or write it as YYYY-MM-DD</source>
        <translation type="unfinished">mae&apos;n ymddangos bod y dyddiad geni wedi&apos;i ysgrifennu gyda&apos;r mis yn gyntaf; ysgrifennwch y diwrnod yn gyntaf, er enghraifft 21/03/1979, neu ysgrifennwch ef fel YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="77"/>
        <source>the date of birth is before 1900</source>
        <translation type="unfinished">mae&apos;r dyddiad geni cyn 1900</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="81"/>
        <source>{what} is too long (at most {limit:,} characters)</source>
        <translation type="unfinished">mae gormod o nodau yn {what} (dim mwy na {limit:,} nod)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="84"/>
        <source>{what} contains control characters</source>
        <translation type="unfinished">mae nodau rheoli yn {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="87"/>
        <source>{what} contains a right-to-left or left-to-right override character</source>
        <translation type="unfinished">mae nod sy&apos;n gorfodi cyfeiriad y testun (o&apos;r dde i&apos;r chwith neu o&apos;r chwith i&apos;r dde) yn {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="90"/>
        <source>{what} must not be empty</source>
        <translation type="unfinished">rhaid ysgrifennu rhywbeth yn {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="91"/>
        <source>{what} contains an invisible or non-printing character</source>
        <translation type="unfinished">mae nod anweledig neu nod nad yw&apos;n argraffu yn {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="94"/>
        <source>{what} must be one line of text</source>
        <translation type="unfinished">rhaid i&apos;r testun yn {what} fod ar un llinell</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="97"/>
        <source>{what} is not valid text (it holds bytes that are not UTF-8)</source>
        <translation type="unfinished">dydy&apos;r testun yn {what} ddim yn destun dilys (mae&apos;n cynnwys beitiau nad ydyn nhw&apos;n UTF-8)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="100"/>
        <source>{what} contains a NUL character; is it a text file?</source>
        <translation type="unfinished">mae nod NUL yn {what}; ai ffeil testun yw hi?</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="103"/>
        <source>{what} is required</source>
        <translation type="unfinished">mae angen rhoi rhywbeth yn {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="104"/>
        <source>{what} is too long (at most {limit} characters)</source>
        <translation type="unfinished">mae gormod o nodau yn {what} (dim mwy na {limit} nod)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="108"/>
        <source>the date is empty; say when it happened, e.g. &apos;summer 1987&apos;</source>
        <translation type="unfinished">mae&apos;r dyddiad yn wag; dywedwch pryd y digwyddodd, e.e. &apos;haf 1987&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="111"/>
        <source>there is no {day} {month} {year} ({month} {year} has {days} days); check the day and month</source>
        <translation type="unfinished">does dim {day} {month} {year} (mae gan {month} {year} {days} diwrnod); gwiriwch y diwrnod a&apos;r mis</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="116"/>
        <source>there is no month {month}; write dates day first, e.g. 14/06/1987</source>
        <translation type="unfinished">does dim mis {month}; ysgrifennwch ddyddiadau gyda&apos;r diwrnod yn gyntaf, e.e. 14/06/1987</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="119"/>
        <source>the date must be given as text, e.g. &apos;summer 1987&apos;</source>
        <translation type="unfinished">rhaid rhoi&apos;r dyddiad fel testun, e.e. &apos;haf 1987&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="122"/>
        <source>a stored fuzzy date is malformed and cannot be read</source>
        <translation type="unfinished">mae dyddiad bras sydd wedi&apos;i storio wedi&apos;i ffurfio&apos;n wael, a does dim modd ei ddarllen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="125"/>
        <source>the date is longer than {limit} characters; put the detail in the account and keep a short phrase such as &apos;summer 1987&apos; here</source>
        <translation type="unfinished">mae&apos;r dyddiad yn hirach na {limit} nod; rhowch y manylion yn yr adroddiad a chadwch ymadrodd byr fel &apos;haf 1987&apos; yma</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="130"/>
        <source>say which half term was meant, e.g. &apos;October half term 1987&apos;</source>
        <translation type="unfinished">dywedwch pa hanner tymor oedd dan sylw, e.e. &apos;hanner tymor mis Hydref 1987&apos;</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="134"/>
        <source>&apos;{value}&apos; is not one of: {choices}</source>
        <translation type="unfinished">dydy &apos;{value}&apos; ddim yn un o&apos;r rhain: {choices}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="137"/>
        <source>{field} must be a number</source>
        <translation type="unfinished">rhaid rhoi rhif yn {field}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="140"/>
        <source>{field} takes exactly one value</source>
        <translation type="unfinished">rhaid rhoi un gwerth yn union yn {field}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="143"/>
        <source>unknown field &apos;{field}&apos;; this guide has: {known}</source>
        <translation type="unfinished">maes anhysbys &apos;{field}&apos;; mae gan y canllaw hwn: {known}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="146"/>
        <source>the note is empty</source>
        <translation type="unfinished">mae&apos;r nodyn yn wag</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="147"/>
        <source>there is no such timeline event</source>
        <translation type="unfinished">does dim digwyddiad o&apos;r fath yn y llinell amser</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="150"/>
        <source>the position cannot be negative</source>
        <translation type="unfinished">all y safle ddim bod yn negatif</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="153"/>
        <source>unknown role &apos;{role}&apos;; use one of: {roles}</source>
        <translation type="unfinished">rôl anhysbys &apos;{role}&apos;; defnyddiwch un o: {roles}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="156"/>
        <source>there is no such pause to give a reason for</source>
        <translation type="unfinished">does dim saib o&apos;r fath i roi rheswm drosto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="159"/>
        <source>who asked for the pause? one of: {roles}</source>
        <translation type="unfinished">pwy ofynnodd am y saib? un o: {roles}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="163"/>
        <source>the organisation does not ask for initials on each page; confirm the page without them</source>
        <translation type="unfinished">dydy&apos;r sefydliad ddim yn gofyn am lythrennau blaen ar bob tudalen; cadarnhewch y dudalen hebddyn nhw</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="167"/>
        <source>the statement has no text, so it has no pages for the witness to confirm or sign</source>
        <translation type="unfinished">does dim testun yn y datganiad, felly does dim tudalennau i&apos;r tyst eu cadarnhau na&apos;u llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="171"/>
        <source>the current statement is not signed yet; continue it instead of starting a further one</source>
        <translation type="unfinished">dydy&apos;r datganiad presennol ddim wedi&apos;i lofnodi eto; parhewch ag ef yn lle dechrau un pellach</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="175"/>
        <source>the page count must be a whole number from 1 to {limit}</source>
        <translation type="unfinished">rhaid i nifer y tudalennau fod yn rhif cyfan o 1 i {limit}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="178"/>
        <source>there is no page {page} in a statement of {pages} page(s)</source>
        <translation type="unfinished">does dim tudalen {page} mewn datganiad o {pages} tudalen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="181"/>
        <source>revision {revision} of &apos;{section}&apos;: {detail}</source>
        <translation type="unfinished">diwygiad {revision} o &apos;{section}&apos;: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="184"/>
        <source>the {what} contains {count} character(s) the PDF font cannot show ({shown}), so once signed it could never be exported; nothing was signed: correct the text or the names and confirm the read-back again</source>
        <translation type="unfinished">mae {count} nod na all ffont y PDF eu dangos ({shown}) yn {what}, felly ar ôl ei lofnodi fyddai dim modd ei allforio byth; does dim byd wedi&apos;i lofnodi: cywirwch y testun neu&apos;r enwau a chadarnhewch y darllen yn ôl eto</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="191"/>
        <source>the exhibit&apos;s media type must be a type and subtype, such as application/pdf</source>
        <translation type="unfinished">rhaid i fath cyfrwng yr arddangosyn fod yn fath ac yn is-fath, fel application/pdf</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="195"/>
        <source>a file name or media type was given without the exhibit&apos;s file</source>
        <translation type="unfinished">rhoddwyd enw ffeil neu fath cyfrwng heb ffeil yr arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_details.py" line="198"/>
        <source>the exhibit {reference} has no file in this vault (only its description)</source>
        <translation type="unfinished">does dim ffeil gan yr arddangosyn {reference} yn y gladdgell hon (dim ond ei ddisgrifiad)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="15"/>
        <source>The signature file has invalid coordinates.</source>
        <translation type="unfinished">Mae cyfesurynnau annilys yn y ffeil llofnod.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="18"/>
        <source>the signature file is too large (at most 2 MB)</source>
        <translation type="unfinished">mae&apos;r ffeil llofnod yn rhy fawr (dim mwy na 2 MB)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="21"/>
        <source>The signature image is damaged or not a PNG or JPEG file.</source>
        <translation type="unfinished">Mae delwedd y llofnod wedi&apos;i difrodi, neu dydy hi ddim yn ffeil PNG na JPEG.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="24"/>
        <source>The signature image is not a PNG or JPEG file.</source>
        <translation type="unfinished">Dydy delwedd y llofnod ddim yn ffeil PNG na JPEG.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="27"/>
        <source>The signature image is larger than 2 MB.</source>
        <translation type="unfinished">Mae delwedd y llofnod yn fwy na 2 MB.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="30"/>
        <source>The signature image is larger than {side}×{side} pixels.</source>
        <translation type="unfinished">Mae delwedd y llofnod yn fwy na {side}×{side} picsel.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="33"/>
        <source>The signature file contains no strokes.</source>
        <translation type="unfinished">Does dim strociau yn y ffeil llofnod.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="36"/>
        <source>The signature file is not a PNG, JPEG or SVG image.</source>
        <translation type="unfinished">Dydy&apos;r ffeil llofnod ddim yn ddelwedd PNG, JPEG nac SVG.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="39"/>
        <source>The signature file is not an SVG image.</source>
        <translation type="unfinished">Dydy&apos;r ffeil llofnod ddim yn ddelwedd SVG.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="42"/>
        <source>The stored signature strokes are damaged.</source>
        <translation type="unfinished">Mae strociau&apos;r llofnod sydd wedi&apos;u storio wedi&apos;u difrodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="45"/>
        <source>the signature strokes are not valid</source>
        <translation type="unfinished">dydy strociau&apos;r llofnod ddim yn ddilys</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="48"/>
        <source>The signature file is not a valid SVG image.</source>
        <translation type="unfinished">Dydy&apos;r ffeil llofnod ddim yn ddelwedd SVG ddilys.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="51"/>
        <source>The signature file is nested too deeply.</source>
        <translation type="unfinished">Mae gormod o lefelau wedi&apos;u nythu yn y ffeil llofnod.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="54"/>
        <source>The signature file is larger than 1 MB.</source>
        <translation type="unfinished">Mae&apos;r ffeil llofnod yn fwy na 1 MB.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="57"/>
        <source>The signature drawing is too complex (over {limit} points).</source>
        <translation type="unfinished">Mae llun y llofnod yn rhy gymhleth (dros {limit} pwynt).</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="60"/>
        <source>the signature is too large (at most 2 MB)</source>
        <translation type="unfinished">mae&apos;r llofnod yn rhy fawr (dim mwy na 2 MB)</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="63"/>
        <source>the signature must be a PNG or JPEG image, an SVG drawing, or strokes captured by the signature pad</source>
        <translation type="unfinished">rhaid i&apos;r llofnod fod yn ddelwedd PNG neu JPEG, yn llun SVG, neu&apos;n strociau a gofnodwyd gan y pad llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="68"/>
        <source>unsupported signature format</source>
        <translation type="unfinished">fformat llofnod nad yw&apos;n cael ei gefnogi</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="71"/>
        <source>The signature file has an unusable size.</source>
        <translation type="unfinished">Dydy maint y ffeil llofnod ddim yn ddefnyddiadwy.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="75"/>
        <source>The {what} contains {count} character(s) the PDF font cannot show ({shown}).</source>
        <translation type="unfinished">Mae {count} nod na all ffont y PDF eu dangos ({shown}) yn {what}.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="79"/>
        <source>The document could not be signed: {detail}.</source>
        <translation type="unfinished">Doedd dim modd llofnodi&apos;r ddogfen: {detail}.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="82"/>
        <source>The signing key does not belong to the signing certificate.</source>
        <translation type="unfinished">Dydy&apos;r allwedd lofnodi ddim yn perthyn i&apos;r dystysgrif lofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="85"/>
        <source>The signing certificate or key could not be read.</source>
        <translation type="unfinished">Doedd dim modd darllen y dystysgrif lofnodi na&apos;r allwedd.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="88"/>
        <source>The document to sign is not a readable PDF.</source>
        <translation type="unfinished">Dydy&apos;r ddogfen i&apos;w llofnodi ddim yn PDF y mae modd ei ddarllen.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="92"/>
        <source>The s.9 declaration must contain {{n}} exactly once, where the page count goes.</source>
        <translation type="unfinished">Rhaid i&apos;r datganiad a.9 gynnwys {{n}} unwaith yn union, lle mae nifer y tudalennau&apos;n mynd.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="96"/>
        <source>The name of the person who read the statement to the witness is missing.</source>
        <translation type="unfinished">Mae enw&apos;r person a ddarllenodd y datganiad i&apos;r tyst ar goll.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="99"/>
        <source>The statement has no signature.</source>
        <translation type="unfinished">Does dim llofnod ar y datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="102"/>
        <source>The statement has no text.</source>
        <translation type="unfinished">Does dim testun yn y datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="105"/>
        <source>The statement has no witness name.</source>
        <translation type="unfinished">Does dim enw tyst ar y datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="108"/>
        <source>A Welsh statement needs the s.9 declaration in Welsh as the organisation approved it; there is no built-in Welsh wording.</source>
        <translation type="unfinished">Mae angen y datganiad a.9 yn Gymraeg, fel y&apos;i cymeradwywyd gan y sefydliad, ar ddatganiad Cymraeg; does dim geiriad Cymraeg wedi&apos;i gynnwys yn Quietroom.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="113"/>
        <source>The witness&apos;s age must be under 18, or left out.</source>
        <translation type="unfinished">Rhaid i oedran y tyst fod o dan 18, neu gael ei hepgor.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="116"/>
        <source>The statement language {language} is not English (en) or Welsh (cy).</source>
        <translation type="unfinished">Dydy iaith y datganiad, {language}, ddim yn Saesneg (en) nac yn Gymraeg (cy).</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="119"/>
        <source>The time zone data for {zone} is missing, so UK local times cannot be printed.</source>
        <translation type="unfinished">Mae data&apos;r gylchfa amser ar gyfer {zone} ar goll, felly does dim modd argraffu amseroedd lleol y DU.</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="124"/>
        <source>broken interview guide {name}: {detail}</source>
        <translation type="unfinished">mae&apos;r canllaw cyfweld {name} wedi torri: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="127"/>
        <source>broken interview guide translation {name}: {detail}</source>
        <translation type="unfinished">mae cyfieithiad y canllaw cyfweld {name} wedi torri: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="130"/>
        <source>unknown category {category}; choose csa, apsp or general</source>
        <translation type="unfinished">categori anhysbys {category}; dewiswch csa, apsp neu general</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="133"/>
        <source>unknown language {language!r}; give a code such as en or cy</source>
        <translation type="unfinished">iaith anhysbys {language!r}; rhowch god fel en neu cy</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="136"/>
        <source>unknown phase {phase}; this guide has: {known}</source>
        <translation type="unfinished">cyfnod anhysbys {phase}; mae gan y canllaw hwn: {known}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="139"/>
        <source>unknown section {section}; this guide has: {known}</source>
        <translation type="unfinished">adran anhysbys {section}; mae gan y canllaw hwn: {known}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_documents.py" line="142"/>
        <source>this case was started with version {version} of the {category} guide, which this copy of Quietroom does not have; install the version that has it</source>
        <translation type="unfinished">cafodd yr achos hwn ei ddechrau gyda fersiwn {version} o ganllaw {category}, sydd ddim gan y copi hwn o Quietroom; gosodwch y fersiwn sydd ag ef</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="15"/>
        <source>cannot create the vault at {path}: {reason}</source>
        <translation type="unfinished">does dim modd creu&apos;r gladdgell yn {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="18"/>
        <source>this SQLCipher build may write temporary data to disk; refusing to open the vault</source>
        <translation type="unfinished">gallai&apos;r fersiwn hon o SQLCipher ysgrifennu data dros dro i&apos;r ddisg; dydy&apos;r gladdgell ddim yn cael ei hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="22"/>
        <source>this SQLCipher build ({version}) is not version 4; refusing to open the vault</source>
        <translation type="unfinished">dydy&apos;r fersiwn hon o SQLCipher ({version}) ddim yn fersiwn 4; dydy&apos;r gladdgell ddim yn cael ei hagor</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="26"/>
        <source>the vault&apos;s header could not be upgraded when it was unlocked; lock it and unlock it again, then retry</source>
        <translation type="unfinished">doedd dim modd uwchraddio pennyn y gladdgell pan gafodd ei datgloi; clowch hi a&apos;i datgloi eto, yna rhowch gynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="31"/>
        <source>the vault header cannot be read ({reason})</source>
        <translation type="unfinished">does dim modd darllen pennyn y gladdgell ({reason})</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="34"/>
        <source>this is not a Quietroom vault header</source>
        <translation type="unfinished">nid pennyn claddgell Quietroom yw hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="37"/>
        <source>cannot create the vault at {path}: {blocker} is a file, not a folder</source>
        <translation type="unfinished">does dim modd creu&apos;r gladdgell yn {path}: ffeil yw {blocker}, nid ffolder</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="40"/>
        <source>{path} exists and is not an empty directory; choose another place for the vault</source>
        <translation type="unfinished">mae {path} yn bodoli a dydy e ddim yn ffolder gwag; dewiswch le arall i&apos;r gladdgell</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="44"/>
        <source>the vault database refused {name}={value}; refusing to continue</source>
        <translation type="unfinished">gwrthododd cronfa ddata&apos;r gladdgell {name}={value}; dydy Quietroom ddim yn mynd ymlaen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="47"/>
        <source>this vault is being restored from a backup by another process; open it again when the restore has finished</source>
        <translation type="unfinished">mae&apos;r gladdgell hon yn cael ei hadfer o gopi wrth gefn gan broses arall; agorwch hi eto pan fydd yr adfer wedi gorffen</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="52"/>
        <source>the re-encrypted copy of the vault failed its integrity check; nothing was changed</source>
        <translation type="unfinished">methodd copi ail-amgryptiedig y gladdgell ei wiriad cywirdeb; does dim byd wedi newid</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="56"/>
        <source>the keyring refused to store the device secret: {detail}</source>
        <translation type="unfinished">gwrthododd y cylch allweddi storio cyfrinach y ddyfais: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="63"/>
        <source>{detail}</source>
        <translation type="unfinished">dydy&apos;r allwedd adfer ddim yn ddilys: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="65"/>
        <location filename="../../../ui/core_messages_files.py" line="68"/>
        <source>cannot write the {what} to {path}: {reason}</source>
        <translation type="unfinished">does dim modd ysgrifennu i {path} ar gyfer {what}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="71"/>
        <source>{path} is inside the vault folder; write the {what} somewhere outside it</source>
        <translation type="unfinished">mae {path} y tu mewn i ffolder y gladdgell; cadwch {what} rywle y tu allan iddo</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="74"/>
        <source>the {what} {path} is a directory, not a file</source>
        <translation type="unfinished">ffolder yw&apos;r {what} {path}, nid ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="77"/>
        <source>{path} is not an ordinary file; give a file name for the {what}</source>
        <translation type="unfinished">dydy {path} ddim yn ffeil gyffredin; rhowch enw ffeil ar gyfer {what}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="80"/>
        <source>age identity file</source>
        <translation type="unfinished">ffeil hunaniaeth age</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="83"/>
        <source>CA certificate</source>
        <translation type="unfinished">tystysgrif CA</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="87"/>
        <source>{path} must hold exactly one age identity</source>
        <translation type="unfinished">rhaid i {path} gynnwys un hunaniaeth age yn union</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="90"/>
        <source>cannot use this identity: {detail}</source>
        <translation type="unfinished">does dim modd defnyddio&apos;r hunaniaeth hon: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="93"/>
        <source>{path} does not hold a readable certificate</source>
        <translation type="unfinished">does dim tystysgrif y mae modd ei darllen yn {path}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="96"/>
        <source>the trust file is malformed: {detail}</source>
        <translation type="unfinished">mae&apos;r ffeil ymddiried wedi&apos;i ffurfio&apos;n wael: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="99"/>
        <source>the certificate of {name!r} in the trust file {reason}</source>
        <translation type="unfinished">mae problem gyda thystysgrif {name!r} yn y ffeil ymddiried ({reason})</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="102"/>
        <source>{path} is not a CA certificate</source>
        <translation type="unfinished">dydy {path} ddim yn dystysgrif CA</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="105"/>
        <source>the trust file is malformed: it is not UTF-8 JSON</source>
        <translation type="unfinished">mae&apos;r ffeil ymddiried wedi&apos;i ffurfio&apos;n wael: dydy hi ddim yn JSON UTF-8</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="108"/>
        <source>the trust file&apos;s signature does not verify: {detail}</source>
        <translation type="unfinished">dydy llofnod y ffeil ymddiried ddim yn cael ei ddilysu: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="111"/>
        <source>a version {version} trust file must be signed by the organisation&apos;s trust-list signer, not by its CA</source>
        <translation type="unfinished">rhaid i ffeil ymddiried fersiwn {version} gael ei llofnodi gan lofnodwr rhestr ymddiried y sefydliad, nid gan ei CA</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="116"/>
        <source>the trust file was signed by a member, not by the organisation&apos;s trust-list signer</source>
        <translation type="unfinished">cafodd y ffeil ymddiried ei llofnodi gan aelod, nid gan lofnodwr rhestr ymddiried y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="120"/>
        <source>a version 1 trust file must be signed by the CA itself</source>
        <translation type="unfinished">rhaid i ffeil ymddiried fersiwn 1 gael ei llofnodi gan y CA ei hun</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="124"/>
        <source>&apos;{start}…&apos; is not a valid age recipient</source>
        <translation type="unfinished">dydy &apos;{start}…&apos; ddim yn dderbynnydd age dilys</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="127"/>
        <source>the revocation list is not the organisation&apos;s ({reason})</source>
        <translation type="unfinished">nid rhestr ddirymu&apos;r sefydliad yw&apos;r rhestr hon ({reason})</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="130"/>
        <source>the organisation&apos;s revocation list is not current (it is for {start} to {end}); get the current one</source>
        <translation type="unfinished">dydy rhestr ddirymu&apos;r sefydliad ddim yn gyfredol (mae ar gyfer {start} i {end}); mynnwch yr un gyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="135"/>
        <source>the signed statement has no stored signature</source>
        <translation type="unfinished">does dim llofnod wedi&apos;i storio gyda&apos;r datganiad a lofnodwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="138"/>
        <source>{signer} did not take this statement: the interviewer present at its sittings was {takers}; only they may sign and export it</source>
        <translation type="unfinished">nid {signer} gymerodd y datganiad hwn: {takers} oedd y cyfwelydd yn bresennol yn ei sesiynau; dim ond nhw gaiff ei lofnodi a&apos;i allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="143"/>
        <source>{path} is a folder; give a file name for the bundle</source>
        <translation type="unfinished">ffolder yw {path}; rhowch enw ffeil ar gyfer y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="146"/>
        <source>the time-stamped statement does not check ({detail}); export it without a time-stamp</source>
        <translation type="unfinished">methodd gwiriad y datganiad â stamp amser ({detail}); allforiwch ef heb stamp amser</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="150"/>
        <source>the intake&apos;s time-stamp does not fit in the signature ({detail}); export without a time-stamp</source>
        <translation type="unfinished">dydy stamp amser y gwasanaeth derbyn ddim yn ffitio yn y llofnod ({detail}); allforiwch heb stamp amser</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="155"/>
        <source>the statement&apos;s validation data could not be made: the revocation list does not clear the certificates ({detail})</source>
        <translation type="unfinished">doedd dim modd creu data dilysu&apos;r datganiad: dydy&apos;r rhestr ddirymu ddim yn clirio&apos;r tystysgrifau ({detail})</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="160"/>
        <source>the bundle&apos;s archive is not acceptable: {detail}</source>
        <translation type="unfinished">dydy archif y bwndel ddim yn dderbyniol: {detail}</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="163"/>
        <source>the file is far larger than any Quietroom bundle</source>
        <translation type="unfinished">mae&apos;r ffeil yn llawer mwy nag unrhyw fwndel Quietroom</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="166"/>
        <source>the intake&apos;s time stamp did not check ({detail})</source>
        <translation type="unfinished">methodd gwiriad stamp amser y gwasanaeth derbyn ({detail})</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="170"/>
        <source>there is an answer for {item!r}, which is not on this statement&apos;s checklist</source>
        <translation type="unfinished">mae ateb ar gyfer {item!r}, sydd ddim ar restr wirio&apos;r datganiad hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="174"/>
        <source>the comment on checklist item {position} ({item}) must be text</source>
        <translation type="unfinished">rhaid i&apos;r sylw ar eitem {position} ({item}) ar y rhestr wirio fod yn destun</translation>
    </message>
    <message>
        <location filename="../../../ui/core_messages_files.py" line="177"/>
        <source>the checklist answers give an item {item} that this checklist does not have</source>
        <translation type="unfinished">mae atebion y rhestr wirio yn rhoi eitem {item} sydd ddim ar y rhestr wirio hon</translation>
    </message>
</context>
<context>
    <name>CorrectionPanel</name>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="251"/>
        <source>Sec&amp;tion</source>
        <translation type="unfinished">&amp;Adran</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="254"/>
        <location filename="../../../ui/widgets/readback_view.py" line="255"/>
        <source>Section to correct</source>
        <translation type="unfinished">Yr adran i&apos;w chywiro</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="264"/>
        <source>Corrected text of the section</source>
        <translation type="unfinished">Testun yr adran wedi&apos;i gywiro</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="265"/>
        <source>Change the words as they ask, then save the correction</source>
        <translation type="unfinished">Newidiwch y geiriau fel maen nhw&apos;n gofyn, yna cadwch y cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="270"/>
        <source>Sa&amp;ve the correction</source>
        <translation type="unfinished">&amp;Cadw&apos;r cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="273"/>
        <source>Save the correction</source>
        <translation type="unfinished">Cadw&apos;r cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="274"/>
        <source>Saves this section; it is recorded as a read-back correction</source>
        <translation type="unfinished">Yn cadw&apos;r adran hon; caiff ei chofnodi fel cywiriad wrth ddarllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="276"/>
        <source>&amp;Undo changes</source>
        <translation type="unfinished">&amp;Dadwneud y newidiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="278"/>
        <source>Undo changes</source>
        <translation type="unfinished">Dadwneud y newidiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="278"/>
        <source>Puts back the section&apos;s saved text</source>
        <translation type="unfinished">Yn adfer y testun a gadwyd ar gyfer yr adran</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="304"/>
        <source>%1 (corrected)</source>
        <translation type="unfinished">%1 (wedi&apos;i chywiro)</translation>
    </message>
</context>
<context>
    <name>DecisionCard</name>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="126"/>
        <source>Approved and countersigned</source>
        <translation type="unfinished">Wedi&apos;i gymeradwyo a&apos;i gydlofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="128"/>
        <source>Returned with comments</source>
        <translation type="unfinished">Wedi&apos;i ddychwelyd gyda sylwadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="140"/>
        <source>Kept in the vault, with the supervisor&apos;s signature added</source>
        <translation type="unfinished">Yn cael ei gadw yn y gladdgell, gyda llofnod y goruchwyliwr wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="142"/>
        <source>None: a returned statement is not countersigned</source>
        <translation type="unfinished">Dim: does dim cydlofnod ar ddatganiad sydd wedi&apos;i ddychwelyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="144"/>
        <source>Not kept</source>
        <translation type="unfinished">Heb ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="146"/>
        <source>No comments.</source>
        <translation type="unfinished">Dim sylwadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="147"/>
        <source>Reviewer</source>
        <translation type="unfinished">Adolygydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="148"/>
        <source>Decided</source>
        <translation type="unfinished">Penderfynwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="149"/>
        <source>Countersigned statement</source>
        <translation type="unfinished">Datganiad wedi&apos;i gydlofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="150"/>
        <source>Comments</source>
        <translation type="unfinished">Sylwadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="155"/>
        <source>The signed statement stays exactly as it is. When you and the survivor are ready, what the supervisor asks for can be taken as a further statement.</source>
        <translation type="unfinished">Mae&apos;r datganiad sydd wedi&apos;i lofnodi yn aros yn union fel y mae. Pan fyddwch chi a&apos;r goroeswr yn barod, mae modd cymryd yr hyn mae&apos;r goruchwyliwr yn gofyn amdano fel datganiad pellach.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="164"/>
        <source>Checklist answers</source>
        <translation type="unfinished">Atebion y rhestr wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="168"/>
        <source>Decision: {verdict}</source>
        <translation type="unfinished">Penderfyniad: {verdict}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="169"/>
        <source>By {name}, {when}</source>
        <translation type="unfinished">Gan {name}, {when}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="187"/>
        <source>Checklist</source>
        <translation type="unfinished">Rhestr wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="188"/>
        <source>Checklist: {answered} of {total} items answered</source>
        <translation type="unfinished">Rhestr wirio: {answered} o {total} eitem wedi&apos;u hateb</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="194"/>
        <source>Met</source>
        <translation type="unfinished">Wedi&apos;i fodloni</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="195"/>
        <source>Not met</source>
        <translation type="unfinished">Heb ei fodloni</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="196"/>
        <source>Not applicable</source>
        <translation type="unfinished">Amherthnasol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="201"/>
        <source>No checklist answers were given.</source>
        <translation type="unfinished">Chafodd dim atebion eu rhoi i&apos;r rhestr wirio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="216"/>
        <source>{number}. {answer}: {text}</source>
        <translation type="unfinished">{number}. {answer}: {text}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="218"/>
        <source>{answer}: {text}</source>
        <translation type="unfinished">{answer}: {text}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="222"/>
        <source>    Comment: {comment}</source>
        <translation type="unfinished">    Sylw: {comment}</translation>
    </message>
</context>
<context>
    <name>DecisionsScreen</name>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="234"/>
        <source>Supervisor decisions</source>
        <translation type="unfinished">Penderfyniadau goruchwylwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="238"/>
        <source>A supervisor&apos;s decision on an exported statement arrives as a decision file (.qrr). Import it here, or drop the file on this window; it is checked before it is kept.</source>
        <translation type="unfinished">Mae penderfyniad goruchwyliwr ar ddatganiad a allforiwyd yn cyrraedd fel ffeil penderfyniad (.qrr). Mewnforiwch hi yma, neu gollyngwch y ffeil ar y ffenestr hon; caiff ei gwirio cyn ei chadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="246"/>
        <source>&amp;Import a decision…</source>
        <translation type="unfinished">&amp;Mewnforio penderfyniad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="250"/>
        <location filename="../../../ui/screens/decisions.py" line="389"/>
        <source>Import a decision</source>
        <translation type="unfinished">Mewnforio penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="251"/>
        <source>Choose a decision file (.qrr) to check and keep with its case</source>
        <translation type="unfinished">Dewiswch ffeil penderfyniad (.qrr) i&apos;w gwirio a&apos;i chadw gyda&apos;i hachos</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="260"/>
        <source>Working</source>
        <translation type="unfinished">Wrthi&apos;n gweithio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="286"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="287"/>
        <source>Back to the case</source>
        <translation type="unfinished">Yn ôl i&apos;r achos</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="333"/>
        <source>Open a case first to see its decisions.</source>
        <translation type="unfinished">Agorwch achos yn gyntaf i weld ei benderfyniadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="373"/>
        <source>No supervisor&apos;s decision on this case yet. When one arrives, import it here.</source>
        <translation type="unfinished">Does dim penderfyniad gan oruchwyliwr ar yr achos hwn eto. Pan fydd un yn cyrraedd, mewnforiwch ef yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="381"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="391"/>
        <source>Quietroom decision (*.qrr)</source>
        <translation type="unfinished">Penderfyniad Quietroom (*.qrr)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="401"/>
        <source>Checking the decision file…</source>
        <translation type="unfinished">Yn gwirio&apos;r ffeil penderfyniad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="417"/>
        <source>This decision was already imported; nothing was changed.</source>
        <translation type="unfinished">Cafodd y penderfyniad hwn ei fewnforio&apos;n barod; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="421"/>
        <source>The decision was checked and kept. It is about case {reference}: the supervisor approved the statement. It is shown below.</source>
        <translation type="unfinished">Cafodd y penderfyniad ei wirio a&apos;i gadw. Mae&apos;n ymwneud ag achos {reference}: cymeradwyodd y goruchwyliwr y datganiad. Mae i&apos;w weld isod.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="426"/>
        <source>The decision was checked and kept. It is about case {reference}: the supervisor returned the statement with comments. It is shown below.</source>
        <translation type="unfinished">Cafodd y penderfyniad ei wirio a&apos;i gadw. Mae&apos;n ymwneud ag achos {reference}: dychwelodd y goruchwyliwr y datganiad gyda sylwadau. Mae i&apos;w weld isod.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="432"/>
        <source>The decision was checked and kept: the supervisor approved the statement.</source>
        <translation type="unfinished">Cafodd y penderfyniad ei wirio a&apos;i gadw: cymeradwyodd y goruchwyliwr y datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/decisions.py" line="436"/>
        <source>The decision was checked and kept: the supervisor returned the statement with comments.</source>
        <translation type="unfinished">Cafodd y penderfyniad ei wirio a&apos;i gadw: dychwelodd y goruchwyliwr y datganiad gyda sylwadau.</translation>
    </message>
</context>
<context>
    <name>DeclarationStep</name>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="309"/>
        <source>Show the &amp;pages</source>
        <translation type="unfinished">Dangos y &amp;tudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="313"/>
        <source>Show the pages</source>
        <translation type="unfinished">Dangos y tudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="314"/>
        <source>Shows the first page of the statement</source>
        <translation type="unfinished">Yn dangos tudalen gyntaf y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="325"/>
        <source>Read the declaration aloud, or let them read it. The statement has %1 page(s); they will see each page and confirm it before they sign.</source>
        <translation type="unfinished">Darllenwch y datganiad yn uchel, neu gadewch iddyn nhw ei ddarllen. Mae gan y datganiad %1 tudalen; byddan nhw&apos;n gweld pob tudalen ac yn ei chadarnhau cyn llofnodi.</translation>
    </message>
</context>
<context>
    <name>DeclarationView</name>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="59"/>
        <source>The declaration above the signature</source>
        <translation type="unfinished">Y datganiad uwchben y llofnod</translation>
    </message>
</context>
<context>
    <name>ExhibitsPanel</name>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="65"/>
        <source>Exhibits the statement produces. Refer to each one in the statement by its reference.</source>
        <translation type="unfinished">Arddangosion y mae&apos;r datganiad yn eu cyflwyno. Cyfeiriwch at bob un yn y datganiad wrth ei gyfeirnod.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="75"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="137"/>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="75"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="142"/>
        <source>Description</source>
        <translation type="unfinished">Disgrifiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="75"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="153"/>
        <source>File</source>
        <translation type="unfinished">Ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="75"/>
        <source>Size</source>
        <translation type="unfinished">Maint</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="89"/>
        <source>Exhibits</source>
        <translation type="unfinished">Arddangosion</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="90"/>
        <source>The exhibits the statement produces, in the register&apos;s order</source>
        <translation type="unfinished">Yr arddangosion y mae&apos;r datganiad yn eu cyflwyno, yn nhrefn y gofrestr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="94"/>
        <source>The statement is signed: its exhibits can no longer change.</source>
        <translation type="unfinished">Mae&apos;r datganiad wedi&apos;i lofnodi: ni all ei arddangosion newid mwyach.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="102"/>
        <source>Add e&amp;xhibit…</source>
        <translation type="unfinished">&amp;Ychwanegu arddangosyn…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="103"/>
        <source>Add an exhibit</source>
        <translation type="unfinished">Ychwanegu arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="103"/>
        <source>Add exhibit</source>
        <translation type="unfinished">Ychwanegu arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="104"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished">&amp;Tynnu…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="105"/>
        <source>Remove the chosen exhibit</source>
        <translation type="unfinished">Tynnu&apos;r arddangosyn a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="118"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="119"/>
        <source>Remove it</source>
        <translation type="unfinished">Ei dynnu</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="120"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="121"/>
        <source>Keep it</source>
        <translation type="unfinished">Ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="134"/>
        <source>e.g. RP/1</source>
        <translation type="unfinished">e.e. RP/1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="138"/>
        <source>The producer&apos;s initials and a number, such as RP/1</source>
        <translation type="unfinished">Llythrennau blaen y sawl sy&apos;n ei gyflwyno a rhif, fel RP/1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="142"/>
        <source>What it is, in one line</source>
        <translation type="unfinished">Beth ydyw, mewn un llinell</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="144"/>
        <source>No file (optional)</source>
        <translation type="unfinished">Dim ffeil (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="145"/>
        <source>The exhibit&apos;s file</source>
        <translation type="unfinished">Ffeil yr arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="145"/>
        <source>Optional</source>
        <translation type="unfinished">Dewisol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="146"/>
        <source>C&amp;hoose file…</source>
        <translation type="unfinished">Dewis &amp;ffeil…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="147"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="259"/>
        <source>Choose the exhibit&apos;s file</source>
        <translation type="unfinished">Dewiswch ffeil yr arddangosyn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="147"/>
        <source>Choose file</source>
        <translation type="unfinished">Dewis ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="151"/>
        <source>Re&amp;ference</source>
        <translation type="unfinished">Cyf&amp;eirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="152"/>
        <source>&amp;Description</source>
        <translation type="unfinished">D&amp;isgrifiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="154"/>
        <source>Add to the &amp;register</source>
        <translation type="unfinished">Ych&amp;wanegu at y gofrestr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="156"/>
        <source>Add to the register</source>
        <translation type="unfinished">Ychwanegu at y gofrestr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="157"/>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="158"/>
        <source>Cancel</source>
        <translation type="unfinished">Canslo</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="208"/>
        <source>No file</source>
        <translation type="unfinished">Dim ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="232"/>
        <source>%1 MiB</source>
        <translation type="unfinished">%1 MiB</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="234"/>
        <source>%1 KiB</source>
        <translation type="unfinished">%1 KiB</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="235"/>
        <source>%1 bytes</source>
        <translation type="unfinished">%1 beit</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="268"/>
        <source>Describe the exhibit in one line.</source>
        <translation type="unfinished">Disgrifiwch yr arddangosyn mewn un llinell.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="273"/>
        <source>Adding…</source>
        <translation type="unfinished">Wrthi&apos;n ychwanegu…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="288"/>
        <source>Added to the register.</source>
        <translation type="unfinished">Wedi&apos;i ychwanegu at y gofrestr.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="312"/>
        <source>Remove %1 from the register? Its file is deleted from this vault, and its reference is not used again.</source>
        <translation type="unfinished">Tynnu %1 o&apos;r gofrestr? Caiff ei ffeil ei dileu o&apos;r gladdgell hon, a fydd ei gyfeirnod ddim yn cael ei ddefnyddio eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/exhibits_panel.py" line="340"/>
        <source>Removed from the register.</source>
        <translation type="unfinished">Wedi&apos;i dynnu o&apos;r gofrestr.</translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="263"/>
        <source>Quietroom bundle (*.qrb)</source>
        <translation type="unfinished">Bwndel Quietroom (*.qrb)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="146"/>
        <source>Export the statement</source>
        <translation type="unfinished">Allforio&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="150"/>
        <source>The signed statement leaves this laptop as one encrypted file that only the people chosen below can open. You are always included.</source>
        <translation type="unfinished">Mae&apos;r datganiad a lofnodwyd yn gadael y gliniadur hwn fel un ffeil wedi&apos;i hamgryptio na all neb ond y bobl a ddewisir isod ei hagor. Rydych chi bob amser wedi&apos;ch cynnwys.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="157"/>
        <location filename="../../../ui/screens/bundles.py" line="161"/>
        <source>Recipients</source>
        <translation type="unfinished">Derbynwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="162"/>
        <source>Members of your organisation who can open the bundle</source>
        <translation type="unfinished">Aelodau o&apos;ch sefydliad sy&apos;n gallu agor y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="165"/>
        <source>Se&amp;nd to the central system</source>
        <translation type="unfinished">A&amp;nfon i&apos;r system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="167"/>
        <source>It waits, encrypted, in the outbox until the laptop is connected, then goes.</source>
        <translation type="unfinished">Mae&apos;n aros, wedi&apos;i amgryptio, yn y blwch allan nes bod y gliniadur wedi&apos;i gysylltu, ac yna&apos;n mynd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="169"/>
        <source>Send to the central system</source>
        <translation type="unfinished">Anfon i&apos;r system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="175"/>
        <location filename="../../../ui/screens/bundles.py" line="252"/>
        <location filename="../../../ui/screens/bundles.py" line="261"/>
        <source>Save the bundle as</source>
        <translation type="unfinished">Cadw&apos;r bwndel fel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="177"/>
        <source>Where the bundle is saved</source>
        <translation type="unfinished">Lle caiff y bwndel ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="178"/>
        <source>Choose where to save the bundle</source>
        <translation type="unfinished">Dewiswch ble i gadw&apos;r bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="180"/>
        <source>&amp;Export</source>
        <translation type="unfinished">&amp;Allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="184"/>
        <source>Export</source>
        <translation type="unfinished">Allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="185"/>
        <source>Builds, signs, encrypts and saves the bundle, then verifies it</source>
        <translation type="unfinished">Yn creu, llofnodi, amgryptio a chadw&apos;r bwndel, ac yna&apos;n ei wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="223"/>
        <source>{name} ({role}) · {fingerprint}</source>
        <translation type="unfinished">{name} ({role}) · {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="230"/>
        <source>Certificate fingerprint (SHA-256): {fingerprint}</source>
        <translation type="unfinished">Ôl bys y dystysgrif (SHA-256): {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="240"/>
        <source>Import the organisation&apos;s trust file first (Identity, on the case list).</source>
        <translation type="unfinished">Mewnforiwch ffeil ymddiried y sefydliad yn gyntaf (Hunaniaeth, ar y rhestr achosion).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="252"/>
        <source>Also save a copy as (optional)</source>
        <translation type="unfinished">Cadw copi hefyd fel (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="254"/>
        <source>No file: leave empty</source>
        <translation type="unfinished">Dim ffeil: gadewch yn wag</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="290"/>
        <source>Choose where to save the bundle.</source>
        <translation type="unfinished">Dewiswch ble i gadw&apos;r bwndel.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="293"/>
        <source>Choose at least one recipient.</source>
        <translation type="unfinished">Dewiswch o leiaf un derbynnydd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="296"/>
        <source>Exporting… this takes a few seconds.</source>
        <translation type="unfinished">Yn allforio… mae hyn yn cymryd ychydig eiliadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="311"/>
        <source>Asking the central system for a time-stamp…</source>
        <translation type="unfinished">Yn gofyn i&apos;r system ganolog am stamp amser…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="327"/>
        <source>Every check passed.</source>
        <translation type="unfinished">Llwyddodd pob gwiriad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="331"/>
        <source>The statement is time-stamped by the central system ({time}), with the data to check it for years to come (PAdES B-LT).</source>
        <translation type="unfinished">Mae stamp amser y system ganolog ar y datganiad ({time}), gyda&apos;r data i&apos;w wirio am flynyddoedd i ddod (PAdES B-LT).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="338"/>
        <source>The statement is time-stamped by the central system ({time}) (PAdES B-T).</source>
        <translation type="unfinished">Mae stamp amser y system ganolog ar y datganiad ({time}) (PAdES B-T).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="344"/>
        <source>The central system could not be reached, so the statement has no time-stamp (PAdES B-B).</source>
        <translation type="unfinished">Doedd dim modd cyrraedd y system ganolog, felly does dim stamp amser ar y datganiad (PAdES B-B).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="351"/>
        <source>The central system gave no time-stamp that checks, so the statement has none (PAdES B-B).</source>
        <translation type="unfinished">Wnaeth y system ganolog ddim rhoi stamp amser sy&apos;n gwirio, felly does dim un ar y datganiad (PAdES B-B).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="358"/>
        <source>The bundle is in the outbox and goes to the central system as soon as the laptop is connected.</source>
        <translation type="unfinished">Mae&apos;r bwndel yn y blwch allan a bydd yn mynd i&apos;r system ganolog cyn gynted ag y bydd y gliniadur wedi&apos;i gysylltu.</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <location filename="../../../ui/screens/identity.py" line="50"/>
        <source>Choose…</source>
        <translation type="unfinished">Dewis…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="51"/>
        <source>Choose a file for: %1</source>
        <translation type="unfinished">Dewis ffeil ar gyfer: %1</translation>
    </message>
</context>
<context>
    <name>FormStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="144"/>
        <source>From %1 to %2</source>
        <translation type="unfinished">O %1 i %2</translation>
    </message>
</context>
<context>
    <name>FullScreenReadBack</name>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="206"/>
        <source>&amp;Close the full-screen read-back</source>
        <translation type="unfinished">&amp;Cau&apos;r darllen yn ôl ar sgrin lawn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="209"/>
        <source>Close the full-screen read-back</source>
        <translation type="unfinished">Cau&apos;r darllen yn ôl ar sgrin lawn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="210"/>
        <source>Returns to the read-back screen (Esc)</source>
        <translation type="unfinished">Yn mynd yn ôl i&apos;r sgrin darllen yn ôl (Esc)</translation>
    </message>
</context>
<context>
    <name>FurtherStatementRow</name>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="23"/>
        <source>Start a further statement? The signed statement stays exactly as it is; the further one is read back and signed on its own.</source>
        <translation type="unfinished">Dechrau datganiad pellach? Mae&apos;r datganiad a lofnodwyd yn aros yn union fel y mae; caiff yr un pellach ei ddarllen yn ôl a&apos;i lofnodi ar ei ben ei hun.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="29"/>
        <source>Start &amp;it</source>
        <translation type="unfinished">Dechra&amp;u</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="30"/>
        <source>Start it</source>
        <translation type="unfinished">Dechrau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="31"/>
        <source>Not &amp;yet</source>
        <translation type="unfinished">Di&amp;m eto</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="32"/>
        <source>Not yet</source>
        <translation type="unfinished">Dim eto</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="30"/>
        <source>Start the further statement</source>
        <translation type="unfinished">Dechrau&apos;r datganiad pellach</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/further_row.py" line="32"/>
        <source>Do not start a further statement</source>
        <translation type="unfinished">Peidio â dechrau datganiad pellach</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="27"/>
        <source>Interview guide (for you only)</source>
        <translation type="unfinished">Canllaw cyfweld (i chi yn unig)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="32"/>
        <source>Interview phases</source>
        <translation type="unfinished">Cyfnodau&apos;r cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="33"/>
        <source>Choose the phase you are in; its prompts appear below</source>
        <translation type="unfinished">Dewiswch y cyfnod rydych chi ynddo; bydd ei ysgogiadau&apos;n ymddangos isod</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="39"/>
        <source>Prompts for this phase</source>
        <translation type="unfinished">Ysgogiadau ar gyfer y cyfnod hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="40"/>
        <source>Open, non-leading prompts for the interviewer; never part of the statement</source>
        <translation type="unfinished">Ysgogiadau agored, heb arwain, i&apos;r cyfwelydd; byth yn rhan o&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="73"/>
        <source>Only if: %1</source>
        <translation type="unfinished">Dim ond os: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="76"/>
        <source>Do: </source>
        <translation type="unfinished">Gwnewch: </translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/guide_panel.py" line="78"/>
        <source>Say: </source>
        <translation type="unfinished">Dywedwch: </translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <location filename="../../../ui/screens/identity.py" line="84"/>
        <source>Identity and organisation</source>
        <translation type="unfinished">Hunaniaeth a sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="88"/>
        <source>Your signing certificate and key sign your exports; your age identity opens bundles sent to you; the organisation&apos;s trust file says whom to trust. They are kept inside the encrypted vault.</source>
        <translation type="unfinished">Mae eich tystysgrif a&apos;ch allwedd lofnodi yn llofnodi&apos;r hyn rydych yn ei allforio; mae eich hunaniaeth age yn agor bwndeli a anfonir atoch; mae ffeil ymddiried y sefydliad yn dweud pwy i ymddiried ynddynt. Cânt eu cadw y tu mewn i&apos;r gladdgell wedi&apos;i hamgryptio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="97"/>
        <source>Current identity</source>
        <translation type="unfinished">Hunaniaeth bresennol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="112"/>
        <source>The key that opens bundles sent to you, if not in the identity file</source>
        <translation type="unfinished">Yr allwedd sy&apos;n agor bwndeli a anfonir atoch, os nad yw yn y ffeil hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="114"/>
        <source>Organisation trust file (trust.json)</source>
        <translation type="unfinished">Ffeil ymddiried y sefydliad (trust.json)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="100"/>
        <source>Identity file (identity.p12) or certificate (PEM)</source>
        <translation type="unfinished">Ffeil hunaniaeth (identity.p12) neu dystysgrif (PEM)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="104"/>
        <source>Password of the identity file</source>
        <translation type="unfinished">Cyfrinair y ffeil hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="105"/>
        <source>Needed for an identity.p12 or an encrypted key</source>
        <translation type="unfinished">Ei angen ar gyfer identity.p12 neu allwedd wedi&apos;i hamgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="107"/>
        <source>Private key (PEM), if not in the identity file</source>
        <translation type="unfinished">Allwedd breifat (PEM), os nad yw yn y ffeil hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="108"/>
        <source>Authentication certificate (PEM), optional</source>
        <translation type="unfinished">Tystysgrif ddilysu (PEM), dewisol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="109"/>
        <source>Authentication key (PEM), optional</source>
        <translation type="unfinished">Allwedd ddilysu (PEM), dewisol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="115"/>
        <source>&amp;Identity file</source>
        <translation type="unfinished">Ffeil &amp;hunaniaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="116"/>
        <source>&amp;Password</source>
        <translation type="unfinished">&amp;Cyfrinair</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="117"/>
        <source>Private &amp;key</source>
        <translation type="unfinished">&amp;Allwedd breifat</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="118"/>
        <source>A&amp;uthentication certificate</source>
        <translation type="unfinished">Tystysgrif dd&amp;ilysu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="119"/>
        <source>Authentication k&amp;ey</source>
        <translation type="unfinished">All&amp;wedd ddilysu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="121"/>
        <source>&amp;Trust file</source>
        <translation type="unfinished">&amp;Ffeil ymddiried</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="131"/>
        <source>&amp;Delete these files</source>
        <translation type="unfinished">&amp;Dileu&apos;r ffeiliau hyn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="135"/>
        <source>Overwrites and deletes them. Best effort: SSDs and backups may keep copies.</source>
        <translation type="unfinished">Yn eu trosysgrifo a&apos;u dileu. Gorau y gellir: gall SSDs a chopïau wrth gefn gadw copïau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="143"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="144"/>
        <source>Back to the case list</source>
        <translation type="unfinished">Yn ôl i&apos;r rhestr achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="149"/>
        <source>Import</source>
        <translation type="unfinished">Mewnforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="150"/>
        <source>Checks the files and stores them in the vault</source>
        <translation type="unfinished">Yn gwirio&apos;r ffeiliau ac yn eu cadw yn y gladdgell</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="169"/>
        <source>No identity has been imported into this vault yet.</source>
        <translation type="unfinished">Does dim hunaniaeth wedi&apos;i mewnforio i&apos;r gladdgell hon eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="175"/>
        <source>Name: %1</source>
        <translation type="unfinished">Enw: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="176"/>
        <source>Organisation: %1</source>
        <translation type="unfinished">Sefydliad: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="177"/>
        <source>no trust file imported</source>
        <translation type="unfinished">dim ffeil ymddiried wedi&apos;i mewnforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="179"/>
        <source>Role: %1</source>
        <translation type="unfinished">Rôl: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="180"/>
        <source>Certificate fingerprint: %1</source>
        <translation type="unfinished">Ôl bys y dystysgrif: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="181"/>
        <source>Opens bundles sent to: %1</source>
        <translation type="unfinished">Yn agor bwndeli a anfonir at: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="187"/>
        <source>Your keys were not brought back when this vault was recovered. Import your identity again below before you sign or export.</source>
        <translation type="unfinished">Ddaeth eich allweddi ddim yn ôl pan adferwyd y gladdgell hon. Mewnforiwch eich hunaniaeth eto isod cyn i chi lofnodi neu allforio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="199"/>
        <source>Choose your identity file or certificate.</source>
        <translation type="unfinished">Dewiswch eich ffeil hunaniaeth neu dystysgrif.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="238"/>
        <source>Your keys are now in the vault, but these files still hold them:
%1
Delete them unless your organisation asked you to keep them.</source>
        <translation type="unfinished">Mae eich allweddi yn y gladdgell nawr, ond mae&apos;r ffeiliau hyn yn dal i&apos;w cynnwys:
%1
Dilëwch nhw oni bai bod eich sefydliad wedi gofyn i chi eu cadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="251"/>
        <source>Some files could not be deleted; delete them yourself.</source>
        <translation type="unfinished">Doedd dim modd dileu rhai ffeiliau; dilëwch nhw eich hun.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="255"/>
        <source>Deleted. Copies may remain on SSDs and in backups; keys should arrive encrypted (identity.p12).</source>
        <translation type="unfinished">Wedi&apos;u dileu. Gall copïau aros ar SSDs ac mewn copïau wrth gefn; dylai allweddi gyrraedd wedi&apos;u hamgryptio (identity.p12).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="262"/>
        <source>The files could not be deleted.</source>
        <translation type="unfinished">Doedd dim modd dileu&apos;r ffeiliau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="216"/>
        <source>Imported.</source>
        <translation type="unfinished">Wedi&apos;i mewnforio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="120"/>
        <source>Key for bundles sent to &amp;you</source>
        <translation type="unfinished">Allwedd ar gyfer bwndeli a anfonir a&amp;toch</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="134"/>
        <source>Delete these files</source>
        <translation type="unfinished">Dileu&apos;r ffeiliau hyn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="145"/>
        <source>I&amp;mport</source>
        <translation type="unfinished">&amp;Mewnforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/identity.py" line="225"/>
        <source>The files could not be imported; nothing was changed.</source>
        <translation type="unfinished">Doedd dim modd mewnforio&apos;r ffeiliau; does dim byd wedi newid.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="100"/>
        <source>{reference} — {kind}</source>
        <translation type="unfinished">{reference} — {kind}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="114"/>
        <source>How much has been sent</source>
        <translation type="unfinished">Faint sydd wedi&apos;i anfon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="122"/>
        <source>Exported</source>
        <translation type="unfinished">Wedi&apos;i allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="122"/>
        <source>Decided</source>
        <translation type="unfinished">Penderfynwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="126"/>
        <source>{when} ({size})</source>
        <translation type="unfinished">{when} ({size})</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="131"/>
        <source>Received</source>
        <translation type="unfinished">Derbyniwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="133"/>
        <source>Received by</source>
        <translation type="unfinished">Derbyniwyd gan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="134"/>
        <source>the central system</source>
        <translation type="unfinished">y system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="137"/>
        <source>Receipt</source>
        <translation type="unfinished">Derbynneb</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="139"/>
        <source>Signed and checked; SHA-256 {digest}</source>
        <translation type="unfinished">Wedi&apos;i llofnodi a&apos;i gwirio; SHA-256 {digest}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="145"/>
        <source>No reason was given.</source>
        <translation type="unfinished">Does dim rheswm wedi&apos;i roi.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="146"/>
        <source>Reason</source>
        <translation type="unfinished">Rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="149"/>
        <source>&amp;Try again</source>
        <translation type="unfinished">&amp;Rhoi cynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="152"/>
        <source>Try again to send {reference}</source>
        <translation type="unfinished">Rhoi cynnig arall ar anfon {reference}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="153"/>
        <source>Once your administrator has fixed the cause</source>
        <translation type="unfinished">Unwaith y bydd eich gweinyddwr wedi datrys yr achos</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="178"/>
        <source>Sending: {sent} of {size}</source>
        <translation type="unfinished">Yn anfon: {sent} o {size}</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="181"/>
        <source>Waiting to send: {sent} of {size} already sent</source>
        <translation type="unfinished">Yn aros i&apos;w anfon: {sent} o {size} wedi&apos;i anfon yn barod</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <location filename="../../../ui/widgets/language_choice.py" line="104"/>
        <source>This language is used until Quietroom closes: it could not be saved on this computer for next time.</source>
        <translation type="unfinished">Bydd Quietroom yn defnyddio&apos;r iaith hon nes iddo gau: doedd dim modd ei chadw ar y cyfrifiadur hwn ar gyfer y tro nesaf.</translation>
    </message>
</context>
<context>
    <name>MemberRoles</name>
    <message>
        <location filename="../../../ui/member_roles.py" line="19"/>
        <source>interviewer</source>
        <translation type="unfinished">cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/member_roles.py" line="20"/>
        <source>supervisor</source>
        <translation type="unfinished">goruchwyliwr</translation>
    </message>
    <message>
        <location filename="../../../ui/member_roles.py" line="21"/>
        <source>intake service</source>
        <translation type="unfinished">gwasanaeth derbyn</translation>
    </message>
</context>
<context>
    <name>NewCaseScreen</name>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="85"/>
        <source>New case</source>
        <translation type="unfinished">Achos newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="92"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="93"/>
        <source>Back</source>
        <translation type="unfinished">Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="93"/>
        <source>The previous step.</source>
        <translation type="unfinished">Y cam blaenorol.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="94"/>
        <source>&amp;Next</source>
        <translation type="unfinished">&amp;Nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="96"/>
        <source>Next</source>
        <translation type="unfinished">Nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="96"/>
        <source>The next step.</source>
        <translation type="unfinished">Y cam nesaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="97"/>
        <source>&amp;Finish</source>
        <translation type="unfinished">&amp;Gorffen</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="101"/>
        <source>Finish</source>
        <translation type="unfinished">Gorffen</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="102"/>
        <source>Creates the case with everything entered and opens it.</source>
        <translation type="unfinished">Yn creu&apos;r achos gyda phopeth a roddwyd, ac yn ei agor.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="104"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished">&amp;Canslo</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="107"/>
        <source>Cancel</source>
        <translation type="unfinished">Canslo</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="108"/>
        <source>Returns to the case list; asks first if anything was entered.</source>
        <translation type="unfinished">Yn dychwelyd i&apos;r rhestr achosion; yn gofyn yn gyntaf os rhoddwyd unrhyw beth i mewn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="115"/>
        <source>Leave this new case? What you have entered will not be kept.</source>
        <translation type="unfinished">Gadael yr achos newydd hwn? Fydd yr hyn a roddoch chi i mewn ddim yn cael ei gadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="118"/>
        <source>&amp;Keep editing</source>
        <translation type="unfinished">&amp;Dal ati i olygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="119"/>
        <source>Keep editing</source>
        <translation type="unfinished">Dal ati i olygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="119"/>
        <source>Stay on this step.</source>
        <translation type="unfinished">Aros ar y cam hwn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="120"/>
        <source>Discard and &amp;leave</source>
        <translation type="unfinished">Taflu a &amp;mynd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="123"/>
        <source>Discard and leave</source>
        <translation type="unfinished">Taflu a mynd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="124"/>
        <source>Returns to the case list; nothing entered here is kept.</source>
        <translation type="unfinished">Yn mynd yn ôl i&apos;r rhestr achosion; fydd dim byd a roddwyd yma&apos;n cael ei gadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="182"/>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished">Cam %1 o %2: %3</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="255"/>
        <source>Checking the reference…</source>
        <translation type="unfinished">Yn gwirio&apos;r cyfeirnod…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="290"/>
        <source>Choose the category of the case.</source>
        <translation type="unfinished">Dewiswch gategori&apos;r achos.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="292"/>
        <source>Give the case reference.</source>
        <translation type="unfinished">Rhowch gyfeirnod yr achos.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="304"/>
        <source>Give the name to appear on the statement.</source>
        <translation type="unfinished">Rhowch yr enw a fydd yn ymddangos ar y datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="312"/>
        <source>Give a name for each person, or remove the row.</source>
        <translation type="unfinished">Rhowch enw ar gyfer pob person, neu tynnwch y rhes.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="317"/>
        <source>Write the date of birth as day/month/year, for example 21/03/1979: a real date in the past. Leave it empty if it is not known.</source>
        <translation type="unfinished">Ysgrifennwch y dyddiad geni fel diwrnod/mis/blwyddyn, er enghraifft 21/03/1979: dyddiad go iawn yn y gorffennol. Gadewch y blwch yn wag os nad yw&apos;n hysbys.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="323"/>
        <source>A case with this reference already exists. Choose another reference, or open that case from the case list.</source>
        <translation type="unfinished">Mae achos gyda&apos;r cyfeirnod hwn yn bodoli&apos;n barod. Dewiswch gyfeirnod arall, neu agorwch yr achos hwnnw o&apos;r rhestr achosion.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="360"/>
        <source>Creating the case…</source>
        <translation type="unfinished">Yn creu&apos;r achos…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="383"/>
        <location filename="../../../ui/screens/new_case.py" line="414"/>
        <source>Nothing has been saved yet. %1</source>
        <translation type="unfinished">Does dim byd wedi&apos;i gadw eto. %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="416"/>
        <source>Nothing has been saved yet. Something went wrong; please try again.</source>
        <translation type="unfinished">Does dim byd wedi&apos;i gadw eto. Aeth rhywbeth o&apos;i le; rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case.py" line="298"/>
        <source>Give the reference of the visual recording, or choose a written statement.</source>
        <translation type="unfinished">Rhowch gyfeirnod y recordiad fideo, neu dewiswch ddatganiad ysgrifenedig.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../../ui/widgets/notice.py" line="20"/>
        <source>Information</source>
        <translation type="unfinished">Gwybodaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/notice.py" line="21"/>
        <source>Done</source>
        <translation type="unfinished">Wedi&apos;i wneud</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/notice.py" line="22"/>
        <source>Problem</source>
        <translation type="unfinished">Problem</translation>
    </message>
</context>
<context>
    <name>OnePage</name>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="87"/>
        <source>Statement page</source>
        <translation type="unfinished">Tudalen y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="89"/>
        <source>One page of the statement as it will be signed, as an image. Page Down and Page Up scroll it.</source>
        <translation type="unfinished">Un dudalen o&apos;r datganiad fel y caiff ei llofnodi, fel delwedd. Mae Page Down a Page Up yn ei sgrolio.</translation>
    </message>
</context>
<context>
    <name>OpenBundleScreen</name>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="412"/>
        <source>Quietroom bundle (*.qrb)</source>
        <translation type="unfinished">Bwndel Quietroom (*.qrb)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="374"/>
        <location filename="../../../ui/screens/bundles.py" line="410"/>
        <source>Open a bundle</source>
        <translation type="unfinished">Agor bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="378"/>
        <source>Checks a bundle sent to you: who signed it, that nothing in it was altered, and that you are one of its recipients.</source>
        <translation type="unfinished">Yn gwirio bwndel a anfonwyd atoch: pwy a&apos;i lofnododd, nad oes dim ynddo wedi&apos;i newid, a&apos;ch bod yn un o&apos;i dderbynwyr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="385"/>
        <source>The bundle to check</source>
        <translation type="unfinished">Y bwndel i&apos;w wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="386"/>
        <source>Choose the bundle to check</source>
        <translation type="unfinished">Dewiswch y bwndel i&apos;w wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="388"/>
        <source>&amp;Check the bundle</source>
        <translation type="unfinished">&amp;Gwirio&apos;r bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="390"/>
        <source>Check the bundle</source>
        <translation type="unfinished">Gwirio&apos;r bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="421"/>
        <source>Choose the bundle to check.</source>
        <translation type="unfinished">Dewiswch y bwndel i&apos;w wirio.</translation>
    </message>
</context>
<context>
    <name>OutboxScreen</name>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="78"/>
        <source>Outbox</source>
        <translation type="unfinished">Blwch allan</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="82"/>
        <source>What this laptop sends to the central system. Each item stays here, encrypted, until the central system confirms it with a signed receipt.</source>
        <translation type="unfinished">Yr hyn y mae&apos;r gliniadur hwn yn ei anfon i&apos;r system ganolog. Mae pob eitem yn aros yma, wedi&apos;i hamgryptio, nes bod y system ganolog yn ei chadarnhau â derbynneb wedi&apos;i llofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="96"/>
        <source>Nothing has been sent from this laptop yet.</source>
        <translation type="unfinished">Does dim byd wedi&apos;i anfon o&apos;r gliniadur hwn eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="113"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="114"/>
        <source>Back</source>
        <translation type="unfinished">Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="115"/>
        <source>Send &amp;now</source>
        <translation type="unfinished">Anfon &amp;nawr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="118"/>
        <source>Send now</source>
        <translation type="unfinished">Anfon nawr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="119"/>
        <source>Try to send what is waiting straight away</source>
        <translation type="unfinished">Ceisio anfon yr hyn sy&apos;n aros ar unwaith</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="220"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="234"/>
        <source>Queued again; it will be sent on the next attempt.</source>
        <translation type="unfinished">Wedi&apos;i roi yn y ciw eto; bydd yn cael ei anfon y tro nesaf.</translation>
    </message>
</context>
<context>
    <name>OutboxWords</name>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="46"/>
        <source>Statement bundle</source>
        <translation type="unfinished">Bwndel datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="47"/>
        <source>Supervisor&apos;s decision</source>
        <translation type="unfinished">Penderfyniad goruchwyliwr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="54"/>
        <source>Waiting to send</source>
        <translation type="unfinished">Yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="55"/>
        <source>Sending</source>
        <translation type="unfinished">Yn anfon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="56"/>
        <source>Received by the central system</source>
        <translation type="unfinished">Wedi&apos;i dderbyn gan y system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="57"/>
        <source>Not accepted by the central system</source>
        <translation type="unfinished">Heb ei dderbyn gan y system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="65"/>
        <source>The central system&apos;s receipt did not check, so it counts as not received yet. It will be sent again after {time}.</source>
        <translation type="unfinished">Methodd gwiriad derbynneb y system ganolog, felly dydy e ddim yn cyfrif fel wedi&apos;i dderbyn eto. Bydd yn cael ei anfon eto ar ôl {time}.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="71"/>
        <source>The central system was busy. It will be tried again after {time}.</source>
        <translation type="unfinished">Roedd y system ganolog yn brysur. Bydd cynnig arall arni ar ôl {time}.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="75"/>
        <source>It will be sent once sending is set up on this laptop.</source>
        <translation type="unfinished">Bydd yn cael ei anfon unwaith y bydd anfon wedi&apos;i osod ar y gliniadur hwn.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="80"/>
        <source>It goes once the one before it has been sent.</source>
        <translation type="unfinished">Bydd yn mynd unwaith y bydd yr un o&apos;i flaen wedi&apos;i anfon.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="83"/>
        <source>It will be sent on the next attempt.</source>
        <translation type="unfinished">Bydd yn cael ei anfon y tro nesaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/outbox_item.py" line="84"/>
        <source>It will be sent when the laptop is connected.</source>
        <translation type="unfinished">Bydd yn cael ei anfon pan fydd y gliniadur wedi&apos;i gysylltu.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="40"/>
        <source>Connected to the central system.</source>
        <translation type="unfinished">Wedi cysylltu â&apos;r system ganolog.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="42"/>
        <source>Not connected to the central system just now. Nothing is lost: everything waits here, encrypted, and is sent when the laptop is connected.</source>
        <translation type="unfinished">Heb gysylltu â&apos;r system ganolog ar hyn o bryd. Does dim byd wedi&apos;i golli: mae popeth yn aros yma, wedi&apos;i amgryptio, ac yn cael ei anfon pan fydd y gliniadur wedi&apos;i gysylltu.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="49"/>
        <source>Sending is not set up on this laptop yet: enter the central system&apos;s address in Settings, or ask your administrator.</source>
        <translation type="unfinished">Dydy anfon ddim wedi&apos;i osod ar y gliniadur hwn eto: rhowch gyfeiriad y system ganolog yn y Gosodiadau, neu gofynnwch i&apos;ch gweinyddwr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="54"/>
        <source>Sending is not set up on this laptop yet: {problem}</source>
        <translation type="unfinished">Dydy anfon ddim wedi&apos;i osod ar y gliniadur hwn eto: {problem}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="58"/>
        <source>The last attempt ran into a problem. It will be tried again shortly.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le y tro diwethaf. Bydd cynnig arall arni cyn bo hir.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/outbox.py" line="62"/>
        <source>Checking whether the central system can be reached…</source>
        <translation type="unfinished">Yn gwirio a oes modd cyrraedd y system ganolog…</translation>
    </message>
</context>
<context>
    <name>PageConfirm</name>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="147"/>
        <source>Initials pad</source>
        <translation type="unfinished">Pad llythrennau blaen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="153"/>
        <source>Clear the &amp;initials</source>
        <translation type="unfinished">Clirio&apos;r &amp;llythrennau blaen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="156"/>
        <source>Clear the initials</source>
        <translation type="unfinished">Clirio&apos;r llythrennau blaen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="125"/>
        <source>Show this page to the person giving the statement. If it is right, they confirm it; if something needs correcting, go back to read-back.</source>
        <translation type="unfinished">Dangoswch y dudalen hon i&apos;r person sy&apos;n rhoi&apos;r datganiad. Os yw&apos;n gywir, maen nhw&apos;n ei chadarnhau; os oes angen cywiro rhywbeth, ewch yn ôl i&apos;r darllen yn ôl.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="140"/>
        <source>The organisation asks for initials on each page, here.</source>
        <translation type="unfinished">Mae&apos;r sefydliad yn gofyn am lythrennau blaen ar bob tudalen, yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="149"/>
        <source>Initials pad: initial this page here with a finger, pen or mouse</source>
        <translation type="unfinished">Pad llythrennau blaen: rhowch eich llythrennau blaen ar y dudalen hon yma gyda bys, pen neu lygoden</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="157"/>
        <source>Empties the box so the page can be initialled again</source>
        <translation type="unfinished">Yn gwagio&apos;r blwch er mwyn rhoi llythrennau blaen ar y dudalen eto</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="165"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="168"/>
        <source>Back</source>
        <translation type="unfinished">Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="169"/>
        <source>Goes back to the previous page, or to the declaration from the first</source>
        <translation type="unfinished">Yn mynd yn ôl i&apos;r dudalen flaenorol, neu i&apos;r datganiad o&apos;r gyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="171"/>
        <source>&amp;This page is right</source>
        <translation type="unfinished">Mae&apos;r dudalen hon yn &amp;gywir</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="175"/>
        <source>This page is right</source>
        <translation type="unfinished">Mae&apos;r dudalen hon yn gywir</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="176"/>
        <source>Records that this page was confirmed, then shows the next</source>
        <translation type="unfinished">Yn cofnodi bod y dudalen hon wedi&apos;i chadarnhau, yna&apos;n dangos yr un nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="236"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished">Tudalen %1 o %2</translation>
    </message>
</context>
<context>
    <name>PassphraseScreen</name>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="60"/>
        <source>Change your passphrase</source>
        <translation type="unfinished">Newid eich cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="64"/>
        <source>Type your current passphrase, then the new one twice. Nothing about any case changes.</source>
        <translation type="unfinished">Teipiwch eich cyfrinymadrodd presennol, yna&apos;r un newydd ddwywaith. Does dim byd am unrhyw achos yn newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="72"/>
        <source>Current passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd presennol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="72"/>
        <source>The passphrase you unlocked with</source>
        <translation type="unfinished">Y cyfrinymadrodd a ddefnyddioch i ddatgloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="74"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd &amp;presennol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="76"/>
        <source>New passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="76"/>
        <source>At least 8 characters</source>
        <translation type="unfinished">O leiaf 8 nod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="78"/>
        <source>&amp;New passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd &amp;newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="83"/>
        <source>Repeat the new passphrase</source>
        <translation type="unfinished">Ailadroddwch y cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="83"/>
        <source>Type the new passphrase again</source>
        <translation type="unfinished">Teipiwch y cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="85"/>
        <source>&amp;Repeat the new passphrase</source>
        <translation type="unfinished">&amp;Ailadroddwch y cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="88"/>
        <source>&amp;Someone may have seen my passphrase</source>
        <translation type="unfinished">Efallai bod rhywun wedi &amp;gweld fy nghyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="90"/>
        <source>Also gives the vault a new key and re-encrypts it, so the old passphrase opens nothing, even with an old copy of the vault&apos;s files. This takes a little longer. Without it, the change alone does not undo what someone who saw the old passphrase could do with a copy.</source>
        <translation type="unfinished">Mae hefyd yn rhoi allwedd newydd i&apos;r gladdgell ac yn ei hamgryptio eto, fel nad yw&apos;r hen gyfrinymadrodd yn agor dim, hyd yn oed gyda hen gopi o ffeiliau&apos;r gladdgell. Mae hyn yn cymryd ychydig yn hirach. Hebddo, dydy&apos;r newid ddim ar ei ben ei hun yn dadwneud yr hyn y gallai rhywun a welodd yr hen gyfrinymadrodd ei wneud gyda chopi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="95"/>
        <source>Someone may have seen my passphrase</source>
        <translation type="unfinished">Efallai bod rhywun wedi gweld fy nghyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="99"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="100"/>
        <source>Back to settings, without changing anything</source>
        <translation type="unfinished">Yn ôl i&apos;r gosodiadau, heb newid dim</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="102"/>
        <source>C&amp;hange passphrase</source>
        <translation type="unfinished">Ne&amp;wid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="104"/>
        <source>Change passphrase</source>
        <translation type="unfinished">Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="160"/>
        <source>Type your current passphrase first.</source>
        <translation type="unfinished">Teipiwch eich cyfrinymadrodd presennol yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="164"/>
        <source>The new passphrase needs at least {count} characters.</source>
        <translation type="unfinished">Mae angen o leiaf {count} nod ar y cyfrinymadrodd newydd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="172"/>
        <source>The two new passphrases are not the same. Please type them again.</source>
        <translation type="unfinished">Dydy&apos;r ddau gyfrinymadrodd newydd ddim yr un fath. Teipiwch nhw eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="193"/>
        <source>Your passphrase has been changed and the vault has a new key: the old passphrase opens nothing now.</source>
        <translation type="unfinished">Mae eich cyfrinymadrodd wedi newid ac mae gan y gladdgell allwedd newydd: dydy&apos;r hen gyfrinymadrodd ddim yn agor dim bellach.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="197"/>
        <source>Your passphrase has been changed.</source>
        <translation type="unfinished">Mae eich cyfrinymadrodd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="207"/>
        <source>The passphrase could not be changed. Nothing was changed.</source>
        <translation type="unfinished">Doedd dim modd newid y cyfrinymadrodd. Does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="232"/>
        <source>Re-encrypting the vault… this takes a moment.</source>
        <translation type="unfinished">Yn amgryptio&apos;r gladdgell eto… mae hyn yn cymryd eiliad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/passphrase.py" line="234"/>
        <source>Changing… this takes a moment.</source>
        <translation type="unfinished">Yn newid… mae hyn yn cymryd eiliad.</translation>
    </message>
</context>
<context>
    <name>PassphraseStrengthHint</name>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="217"/>
        <source>A few unrelated words make a good passphrase: easy to remember, hard to guess.</source>
        <translation type="unfinished">Mae ychydig o eiriau digyswllt yn gwneud cyfrinymadrodd da: hawdd ei gofio, anodd ei ddyfalu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="220"/>
        <source>Too short: use at least 8 characters. A few unrelated words work well.</source>
        <translation type="unfinished">Rhy fyr: defnyddiwch o leiaf 8 nod. Mae ychydig o eiriau digyswllt yn gweithio&apos;n dda.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="223"/>
        <source>Weak: this is a very common password. Add more words.</source>
        <translation type="unfinished">Gwan: mae hwn yn gyfrinair cyffredin iawn. Ychwanegwch ragor o eiriau.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="226"/>
        <source>Weak: add more words. Repeated or sequential characters are easy to guess.</source>
        <translation type="unfinished">Gwan: ychwanegwch ragor o eiriau. Mae nodau sy&apos;n cael eu hailadrodd, neu sy&apos;n dilyn ei gilydd mewn trefn, yn hawdd eu dyfalu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="228"/>
        <source>Weak: add more words.</source>
        <translation type="unfinished">Gwan: ychwanegwch ragor o eiriau.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="230"/>
        <source>Fair: one or two more words would make it stronger.</source>
        <translation type="unfinished">Gweddol: byddai un neu ddau air arall yn ei wneud yn gryfach.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/passphrase_strength.py" line="231"/>
        <source>Strong.</source>
        <translation type="unfinished">Cryf.</translation>
    </message>
</context>
<context>
    <name>PauseScreen</name>
    <message>
        <location filename="../../../ui/screens/pause.py" line="54"/>
        <source>Paused</source>
        <translation type="unfinished">Ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="58"/>
        <source>Time paused</source>
        <translation type="unfinished">Amser ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="80"/>
        <source>Asked for by:</source>
        <translation type="unfinished">Ar gais:</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="141"/>
        <source>&amp;Interviewer</source>
        <translation type="unfinished">&amp;Cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="143"/>
        <source>Inter&amp;mediary</source>
        <translation type="unfinished">Cyfr&amp;yngwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="146"/>
        <source>&amp;Supporter</source>
        <translation type="unfinished">C&amp;efnogwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="105"/>
        <source>Reason (optional)</source>
        <translation type="unfinished">Rheswm (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="107"/>
        <source>Reason for the pause</source>
        <translation type="unfinished">Rheswm dros y saib</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="107"/>
        <source>Optional; can be added later</source>
        <translation type="unfinished">Dewisol; gellir ei ychwanegu&apos;n nes ymlaen</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="109"/>
        <source>Save &amp;reason</source>
        <translation type="unfinished">Cadw&apos;r &amp;rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="110"/>
        <source>Save the reason</source>
        <translation type="unfinished">Cadw&apos;r rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="66"/>
        <source>Resume (F9)</source>
        <translation type="unfinished">Parhau (F9)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="70"/>
        <source>Resume</source>
        <translation type="unfinished">Parhau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="71"/>
        <source>Returns to the same place in the statement</source>
        <translation type="unfinished">Yn mynd yn ôl i&apos;r un man yn y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="73"/>
        <source>&amp;Lock (Ctrl+L)</source>
        <translation type="unfinished">C&amp;loi (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="74"/>
        <source>Lock</source>
        <translation type="unfinished">Cloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="93"/>
        <source>Pause asked for by: %1</source>
        <translation type="unfinished">Saib ar gais: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="110"/>
        <source>Save reason</source>
        <translation type="unfinished">Cadw&apos;r rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="140"/>
        <source>&amp;Person giving the statement</source>
        <translation type="unfinished">&amp;Person sy&apos;n rhoi&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="192"/>
        <source>Time paused: %1 min</source>
        <translation type="unfinished">Amser ar saib: %1 mun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="201"/>
        <location filename="../../../ui/screens/pause.py" line="210"/>
        <source>No sitting was running, so there is no pause to record a reason for.</source>
        <translation type="unfinished">Doedd dim sesiwn ar waith, felly does dim saib i gofnodi rheswm ar ei gyfer.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="233"/>
        <source>Reason saved.</source>
        <translation type="unfinished">Rheswm wedi&apos;i gadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="142"/>
        <source>Sec&amp;ond interviewer</source>
        <translation type="unfinished">Ail gyf&amp;welydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="144"/>
        <source>IS&amp;VA</source>
        <translation type="unfinished">IS&amp;VA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="145"/>
        <source>Interpre&amp;ter</source>
        <translation type="unfinished">Cyf&amp;ieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="147"/>
        <source>&amp;Appropriate adult</source>
        <translation type="unfinished">&amp;Oedolyn priodol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/pause.py" line="230"/>
        <source>Type a reason first; nothing was saved.</source>
        <translation type="unfinished">Teipiwch reswm yn gyntaf; ni chadwyd dim.</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="66"/>
        <source>Previous page</source>
        <translation type="unfinished">Tudalen flaenorol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="66"/>
        <source>Page Up at the top</source>
        <translation type="unfinished">Page Up ar frig y dudalen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="65"/>
        <source>&amp;Previous</source>
        <translation type="unfinished">&amp;Blaenorol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="67"/>
        <source>&amp;Next</source>
        <translation type="unfinished">&amp;Nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="68"/>
        <source>Next page</source>
        <translation type="unfinished">Tudalen nesaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="68"/>
        <source>Page Down at the bottom</source>
        <translation type="unfinished">Page Down ar waelod y dudalen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="71"/>
        <source>−</source>
        <translation type="unfinished">−</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="72"/>
        <source>Zoom out</source>
        <translation type="unfinished">Chwyddo allan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="72"/>
        <source>Ctrl+Minus</source>
        <translation type="unfinished">Ctrl+Minws</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="73"/>
        <source>Zoom out (Ctrl+Minus)</source>
        <translation type="unfinished">Chwyddo allan (Ctrl+Minws)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="76"/>
        <source>+</source>
        <translation type="unfinished">+</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="77"/>
        <source>Zoom in</source>
        <translation type="unfinished">Chwyddo i mewn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="77"/>
        <source>Ctrl+Plus</source>
        <translation type="unfinished">Ctrl+Plws</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="78"/>
        <source>Zoom in (Ctrl+Plus)</source>
        <translation type="unfinished">Chwyddo i mewn (Ctrl+Plws)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="79"/>
        <source>Fit &amp;width</source>
        <translation type="unfinished">Ffitio&apos;r &amp;lled</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="84"/>
        <source>Fit width</source>
        <translation type="unfinished">Ffitio&apos;r lled</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="85"/>
        <source>The page fills the width of its area (Ctrl+0)</source>
        <translation type="unfinished">Mae&apos;r dudalen yn llenwi lled ei hardal (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="95"/>
        <source>Signed statement</source>
        <translation type="unfinished">Datganiad wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="97"/>
        <source>The signed statement as an image, one page at a time. Page Down and Page Up scroll and turn the pages; Home and End go to the first and last page.</source>
        <translation type="unfinished">Y datganiad wedi&apos;i lofnodi fel delwedd, un dudalen ar y tro. Mae Page Down a Page Up yn sgrolio ac yn troi&apos;r tudalennau; mae Home ac End yn mynd i&apos;r dudalen gyntaf a&apos;r olaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="313"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished">Tudalen %1 o %2</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="316"/>
        <source>%1 %</source>
        <translation type="unfinished">%1 %</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="320"/>
        <source>No page</source>
        <translation type="unfinished">Dim tudalen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/pdf_pages.py" line="322"/>
        <source>Zoom %1 %</source>
        <translation type="unfinished">Chwyddo %1 %</translation>
    </message>
</context>
<context>
    <name>PersonRow</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="452"/>
        <source>Interviewer</source>
        <translation type="unfinished">Cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="453"/>
        <source>Second interviewer</source>
        <translation type="unfinished">Ail gyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="454"/>
        <source>Registered Intermediary</source>
        <translation type="unfinished">Cyfryngwr Cofrestredig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="455"/>
        <source>ISVA</source>
        <translation type="unfinished">ISVA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="456"/>
        <source>Interpreter</source>
        <translation type="unfinished">Cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="457"/>
        <source>Supporter</source>
        <translation type="unfinished">Cefnogwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="458"/>
        <source>Appropriate adult</source>
        <translation type="unfinished">Oedolyn priodol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="471"/>
        <source>An ISVA is there for support and stays outside the evidential chain.</source>
        <translation type="unfinished">Mae ISVA yno i gynnig cymorth, ac mae&apos;n aros y tu allan i&apos;r gadwyn dystiolaeth.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="474"/>
        <source>Remove</source>
        <translation type="unfinished">Tynnu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="475"/>
        <source>Role</source>
        <translation type="unfinished">Rôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="476"/>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="477"/>
        <source>Interpreter&apos;s language</source>
        <translation type="unfinished">Iaith y cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="501"/>
        <source>Person %1</source>
        <translation type="unfinished">Person %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="503"/>
        <source>Role, %1</source>
        <translation type="unfinished">Rôl, %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="504"/>
        <source>Name, %1</source>
        <translation type="unfinished">Enw, %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="505"/>
        <source>Interpreter&apos;s language, %1</source>
        <translation type="unfinished">Iaith y cyfieithydd, %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="506"/>
        <source>Remove %1</source>
        <translation type="unfinished">Tynnu %1</translation>
    </message>
</context>
<context>
    <name>PreferencesStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="369"/>
        <source>Preferences and needs</source>
        <translation type="unfinished">Dewisiadau ac anghenion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="380"/>
        <source>A break every</source>
        <translation type="unfinished">Egwyl bob</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="380"/>
        <source> minutes</source>
        <translation type="unfinished"> munud</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="384"/>
        <source>Topics or words to avoid</source>
        <translation type="unfinished">Pynciau neu eiriau i&apos;w hosgoi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="385"/>
        <source>Support wanted</source>
        <translation type="unfinished">Y cymorth maen nhw ei eisiau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="372"/>
        <source>The survivor would like breaks at a set interval</source>
        <translation type="unfinished">Hoffai&apos;r goroeswr gael egwyl yn rheolaidd, ar amser penodol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="374"/>
        <source>Leave this unticked if they have no preference: the interview guide&apos;s pacing is used. They can ask for a break at any time either way.</source>
        <translation type="unfinished">Gadewch hwn heb ei dicio os nad oes ganddynt ddewis: defnyddir amseriad canllaw&apos;r cyfweliad. Gall y goroeswr ofyn am egwyl ar unrhyw adeg beth bynnag.</translation>
    </message>
</context>
<context>
    <name>PresentStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="526"/>
        <source>Who will be present</source>
        <translation type="unfinished">Pwy fydd yn bresennol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="527"/>
        <source>Everyone who will be in the room besides the survivor.</source>
        <translation type="unfinished">Pawb a fydd yn yr ystafell ar wahân i&apos;r goroeswr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="531"/>
        <source>&amp;Add person</source>
        <translation type="unfinished">Ychwanegu &amp;person</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="532"/>
        <source>Add person</source>
        <translation type="unfinished">Ychwanegu person</translation>
    </message>
</context>
<context>
    <name>QuestionHintPanel</name>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="56"/>
        <source>Yes/no question</source>
        <translation type="unfinished">Cwestiwn ie/na</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="57"/>
        <source>Tag question</source>
        <translation type="unfinished">Cwestiwn tag</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="58"/>
        <source>Either/or question</source>
        <translation type="unfinished">Cwestiwn naill ai/neu</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="59"/>
        <source>Two questions at once</source>
        <translation type="unfinished">Dau gwestiwn ar unwaith</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="60"/>
        <source>Presumes what was not said</source>
        <translation type="unfinished">Yn rhagdybio&apos;r hyn na ddywedwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="63"/>
        <source>A word the survivor has not used</source>
        <translation type="unfinished">Gair nad yw&apos;r goroeswr wedi&apos;i ddefnyddio</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="66"/>
        <source>A detail the survivor has not given</source>
        <translation type="unfinished">Manylyn nad yw&apos;r goroeswr wedi&apos;i roi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="69"/>
        <source>Why, or blame</source>
        <translation type="unfinished">Pam, neu fai</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="70"/>
        <source>A statement asked as a question</source>
        <translation type="unfinished">Gosodiad wedi&apos;i ofyn fel cwestiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="73"/>
        <source>Pressure to guess</source>
        <translation type="unfinished">Pwysau i ddyfalu</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="99"/>
        <source>Question hint</source>
        <translation type="unfinished">Awgrym am gwestiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="105"/>
        <location filename="../../../ui/widgets/question_hint.py" line="111"/>
        <source>Reason for dismissing (optional)</source>
        <translation type="unfinished">Rheswm dros ddiystyru (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="112"/>
        <source>Goes into the record for the supervisor</source>
        <translation type="unfinished">Yn mynd i&apos;r cofnod i&apos;r goruchwyliwr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="118"/>
        <source>Dis&amp;miss hint</source>
        <translation type="unfinished">Diystyru&apos;r awgry&amp;m</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="119"/>
        <source>Dismiss hint</source>
        <translation type="unfinished">Diystyru&apos;r awgrym</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="119"/>
        <source>The reason, if any, is kept</source>
        <translation type="unfinished">Mae&apos;r rheswm, os oes un, yn cael ei gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="184"/>
        <source>%1: “%2”</source>
        <translation type="unfinished">%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="187"/>
        <source>Hint %1 of %2.</source>
        <translation type="unfinished">Awgrym %1 o %2.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="231"/>
        <source>Questions in Welsh are checked by %1 of the %2 rules only: %3.</source>
        <translation type="unfinished">Dim ond %1 o&apos;r %2 rheol sy&apos;n gwirio cwestiynau yn Gymraeg: %3.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/question_hint.py" line="268"/>
        <source>Hint dismissed; the record keeps it for the supervisor.</source>
        <translation type="unfinished">Awgrym wedi&apos;i ddiystyru; mae&apos;r cofnod yn ei gadw i&apos;r goruchwyliwr.</translation>
    </message>
</context>
<context>
    <name>RangeSpinBox</name>
    <message>
        <location filename="../../../ui/widgets/range_spin.py" line="53"/>
        <source>%1 is not allowed here: choose from %2 to %3. It stays at %4.</source>
        <translation type="unfinished">Does dim modd dewis %1 yma: dewiswch o %2 i %3. Mae&apos;n aros ar %4.</translation>
    </message>
</context>
<context>
    <name>ReadBackScreen</name>
    <message>
        <location filename="../../../ui/screens/readback.py" line="123"/>
        <source>Read-back</source>
        <translation type="unfinished">Darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="136"/>
        <source>A−</source>
        <translation type="unfinished">A−</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="140"/>
        <source>Makes the statement text smaller (Ctrl+minus)</source>
        <translation type="unfinished">Yn gwneud testun y datganiad yn llai (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="142"/>
        <source>A+</source>
        <translation type="unfinished">A+</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="146"/>
        <source>Makes the statement text larger (Ctrl+equals)</source>
        <translation type="unfinished">Yn gwneud testun y datganiad yn fwy (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="173"/>
        <source>Statement text</source>
        <translation type="unfinished">Testun y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="127"/>
        <source>Read the statement aloud to the person giving it, or let them read it. Any change they ask for is saved as a correction made during read-back.</source>
        <translation type="unfinished">Darllenwch y datganiad yn uchel i&apos;r person sy&apos;n ei roi, neu gadewch iddyn nhw ei ddarllen. Caiff unrhyw newid maen nhw&apos;n gofyn amdano ei gadw fel cywiriad a wnaed wrth ddarllen yn ôl.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="139"/>
        <source>A− Smaller text</source>
        <translation type="unfinished">A− Testun llai</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="145"/>
        <source>A+ Larger text</source>
        <translation type="unfinished">A+ Testun mwy</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="174"/>
        <source>The statement in large print, read-only</source>
        <translation type="unfinished">Y datganiad mewn print bras, i&apos;w ddarllen yn unig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="180"/>
        <location filename="../../../ui/screens/readback.py" line="187"/>
        <source>Corrections made during read-back</source>
        <translation type="unfinished">Cywiriadau a wnaed wrth ddarllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="188"/>
        <source>Each section corrected during read-back, with the time</source>
        <translation type="unfinished">Pob adran a gywirwyd wrth ddarllen yn ôl, gyda&apos;r amser</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="190"/>
        <source>No corrections so far.</source>
        <translation type="unfinished">Dim cywiriadau hyd yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="197"/>
        <source>Make a &amp;correction</source>
        <translation type="unfinished">&amp;Gwneud cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="200"/>
        <source>Make a correction</source>
        <translation type="unfinished">Gwneud cywiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="201"/>
        <source>Shows an editor for one section of the statement</source>
        <translation type="unfinished">Yn dangos golygydd ar gyfer un adran o&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="213"/>
        <source>&amp;Back to the interview</source>
        <translation type="unfinished">&amp;Yn ôl i&apos;r cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="214"/>
        <source>Back to the interview</source>
        <translation type="unfinished">Yn ôl i&apos;r cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="215"/>
        <source>Con&amp;firm the statement is correct</source>
        <translation type="unfinished">Ca&amp;darnhau bod y datganiad yn gywir</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="219"/>
        <source>Confirm the statement is correct</source>
        <translation type="unfinished">Cadarnhau bod y datganiad yn gywir</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="438"/>
        <source>A correction has not been saved yet. Save it or undo it, then ask them to confirm.</source>
        <translation type="unfinished">Mae cywiriad heb ei gadw eto. Cadwch y cywiriad neu ei ddadwneud, yna gofynnwch iddyn nhw gadarnhau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="220"/>
        <source>Records the confirmation and goes on to the signature</source>
        <translation type="unfinished">Yn cofnodi&apos;r cadarnhad ac yn symud ymlaen at y llofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="276"/>
        <source>Loading the statement…</source>
        <translation type="unfinished">Yn llwytho&apos;r datganiad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="322"/>
        <source>Something went wrong; nothing was lost.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi&apos;i golli.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="344"/>
        <source>(Corrected during read-back)</source>
        <translation type="unfinished">(Wedi&apos;i chywiro wrth ddarllen yn ôl)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="356"/>
        <source>%1, corrected at %2</source>
        <translation type="unfinished">%1, wedi&apos;i chywiro am %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="368"/>
        <source>Text size: %1 pt</source>
        <translation type="unfinished">Maint y testun: %1 pt</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="49"/>
        <source>No second screen is connected.</source>
        <translation type="unfinished">Does dim ail sgrin wedi&apos;i chysylltu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="156"/>
        <source>Read back full screen on this &amp;screen</source>
        <translation type="unfinished">Darllen yn ôl ar sgrin lawn ar y &amp;sgrin hon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="160"/>
        <source>Read back full screen on this screen</source>
        <translation type="unfinished">Darllen yn ôl ar sgrin lawn ar y sgrin hon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="161"/>
        <source>No second screen is connected: shows the statement in large print over the whole of this screen; Esc or Close returns</source>
        <translation type="unfinished">Does dim ail sgrin wedi&apos;i chysylltu: yn dangos y datganiad mewn print bras dros y sgrin hon i gyd; mae Esc neu Cau yn mynd yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="168"/>
        <source>Close the second &amp;screen</source>
        <translation type="unfinished">Cau&apos;r ail &amp;sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="171"/>
        <source>Close the second screen</source>
        <translation type="unfinished">Cau&apos;r ail sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="172"/>
        <source>Closes the statement on the second screen</source>
        <translation type="unfinished">Yn cau&apos;r datganiad ar yr ail sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="179"/>
        <source>Shows the same large text full-screen on the second screen</source>
        <translation type="unfinished">Yn dangos yr un testun mawr ar sgrin lawn ar yr ail sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="175"/>
        <source>Show on second &amp;screen</source>
        <translation type="unfinished">Dangos ar yr ail &amp;sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_displays.py" line="178"/>
        <source>Show on second screen</source>
        <translation type="unfinished">Dangos ar yr ail sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="412"/>
        <source>The correction is saved. It is recorded as a correction made during read-back.</source>
        <translation type="unfinished">Mae&apos;r cywiriad wedi&apos;i gadw. Caiff ei gofnodi fel cywiriad a wnaed wrth ddarllen yn ôl.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="418"/>
        <source>Saving the correction…</source>
        <translation type="unfinished">Yn cadw&apos;r cywiriad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/readback.py" line="445"/>
        <source>Recording the confirmation…</source>
        <translation type="unfinished">Yn cofnodi&apos;r cadarnhad…</translation>
    </message>
</context>
<context>
    <name>RestrictedStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="414"/>
        <source>Restricted details</source>
        <translation type="unfinished">Manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="415"/>
        <source>Kept apart from the statement; never printed in it.</source>
        <translation type="unfinished">Yn cael eu cadw ar wahân i&apos;r datganiad; byth yn cael eu hargraffu ynddo.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="416"/>
        <source>Unknown</source>
        <translation type="unfinished">Anhysbys</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="416"/>
        <source>Yes</source>
        <translation type="unfinished">Ie</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="416"/>
        <source>No</source>
        <translation type="unfinished">Na</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="419"/>
        <source>Date of birth</source>
        <translation type="unfinished">Dyddiad geni</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="420"/>
        <source>Day/month/year, for example 21/03/1979. Leave it empty if it is not known.</source>
        <translation type="unfinished">Diwrnod/mis/blwyddyn, er enghraifft 21/03/1979. Gadewch y blwch yn wag os nad yw&apos;n hysbys.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="421"/>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished">DD/MM/BBBB</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="424"/>
        <source>Address</source>
        <translation type="unfinished">Cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="425"/>
        <source>Phone</source>
        <translation type="unfinished">Ffôn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="426"/>
        <source>Email</source>
        <translation type="unfinished">E-bost</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="427"/>
        <source>Safe contact instructions</source>
        <translation type="unfinished">Cyfarwyddiadau ar gyfer cysylltu&apos;n ddiogel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="428"/>
        <source>Safe times to make contact</source>
        <translation type="unfinished">Amseroedd diogel i gysylltu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="429"/>
        <source>Safe to leave a voicemail</source>
        <translation type="unfinished">Mae&apos;n ddiogel gadael neges lais</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="430"/>
        <source>Safe to send letters</source>
        <translation type="unfinished">Diogel anfon llythyrau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="431"/>
        <source>Dates to avoid</source>
        <translation type="unfinished">Dyddiadau i&apos;w hosgoi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="432"/>
        <source>Special measures</source>
        <translation type="unfinished">Mesurau arbennig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="433"/>
        <source>Other needs</source>
        <translation type="unfinished">Anghenion eraill</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="434"/>
        <source>Victim personal statement offered</source>
        <translation type="unfinished">Datganiad personol y dioddefwr wedi&apos;i gynnig</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionScreen</name>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="121"/>
        <source>Decide on the statement</source>
        <translation type="unfinished">Penderfynu ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="138"/>
        <source>Checklist</source>
        <translation type="unfinished">Rhestr wirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="142"/>
        <source>Answer each item: met, not met or not applicable. An item that is not met needs a short comment saying why.</source>
        <translation type="unfinished">Atebwch bob eitem: wedi&apos;i bodloni, heb ei bodloni neu amherthnasol. Mae angen sylw byr yn dweud pam ar eitem sydd heb ei bodloni.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="151"/>
        <source>Your &amp;comments on the statement</source>
        <translation type="unfinished">Eich &amp;sylwadau ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="157"/>
        <source>Needed when you return the statement: say what should change.</source>
        <translation type="unfinished">Angen os byddwch chi&apos;n dychwelyd y datganiad: dywedwch beth ddylai newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="161"/>
        <source>Your comments on the statement</source>
        <translation type="unfinished">Eich sylwadau ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="163"/>
        <source>Optional when approving; needed when returning. The interviewer and the intake will read them.</source>
        <translation type="unfinished">Dewisol wrth gymeradwyo; angen wrth ddychwelyd. Bydd y cyfwelydd a&apos;r gwasanaeth derbyn yn eu darllen.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="176"/>
        <source>Working</source>
        <translation type="unfinished">Wrthi&apos;n gweithio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="183"/>
        <source>What is still needed</source>
        <translation type="unfinished">Beth sydd ei angen o hyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="186"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="187"/>
        <source>Back to the statement</source>
        <translation type="unfinished">Yn ôl i&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="188"/>
        <source>&amp;Return with comments…</source>
        <translation type="unfinished">&amp;Dychwelyd gyda sylwadau…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="189"/>
        <source>&amp;Approve and countersign…</source>
        <translation type="unfinished">&amp;Cymeradwyo a chydlofnodi…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="193"/>
        <location filename="../../../ui/screens/review_decision.py" line="453"/>
        <location filename="../../../ui/screens/review_decision.py" line="461"/>
        <source>Return with comments</source>
        <translation type="unfinished">Dychwelyd gyda sylwadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="194"/>
        <location filename="../../../ui/screens/review_decision.py" line="363"/>
        <source>Sends the statement back to the interviewer with your comments</source>
        <translation type="unfinished">Yn anfon y datganiad yn ôl at y cyfwelydd gyda&apos;ch sylwadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="198"/>
        <location filename="../../../ui/screens/review_decision.py" line="443"/>
        <location filename="../../../ui/screens/review_decision.py" line="451"/>
        <source>Approve and countersign</source>
        <translation type="unfinished">Cymeradwyo a chydlofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="199"/>
        <location filename="../../../ui/screens/review_decision.py" line="360"/>
        <source>Adds your signature to the statement and writes the decision file</source>
        <translation type="unfinished">Yn ychwanegu eich llofnod at y datganiad ac yn ysgrifennu&apos;r ffeil penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="223"/>
        <source>Choose a statement in the review inbox first.</source>
        <translation type="unfinished">Dewiswch ddatganiad yn y blwch adolygu yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="263"/>
        <source>Statement {reference}, taken by {interviewer}. Work through the checklist, then approve the statement or return it with comments.</source>
        <translation type="unfinished">Datganiad {reference}, wedi&apos;i gymryd gan {interviewer}. Ewch drwy&apos;r rhestr wirio, yna cymeradwywch y datganiad neu ei ddychwelyd gyda sylwadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="278"/>
        <source>This statement was approved on {when}. A review is decided once, so nothing more can be done here.</source>
        <translation type="unfinished">Cafodd y datganiad hwn ei gymeradwyo ar {when}. Dim ond unwaith mae penderfyniad yn cael ei wneud ar adolygiad, felly does dim byd mwy i&apos;w wneud yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="285"/>
        <source>This statement was returned on {when}. A review is decided once, so nothing more can be done here.</source>
        <translation type="unfinished">Cafodd y datganiad hwn ei ddychwelyd ar {when}. Dim ond unwaith mae penderfyniad yn cael ei wneud ar adolygiad, felly does dim byd mwy i&apos;w wneud yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="294"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="317"/>
        <source>To approve, item {number} still needs an answer.</source>
        <translation type="unfinished">I gymeradwyo, mae angen ateb eitem {number} o hyd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="321"/>
        <source>To approve, {count} of the {total} items still need an answer, starting with item {number}.</source>
        <translation type="unfinished">I gymeradwyo, mae angen ateb {count} o&apos;r {total} eitem o hyd, gan ddechrau gydag eitem {number}.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="327"/>
        <source>To approve, item {number} is marked not met and needs a comment saying why.</source>
        <translation type="unfinished">I gymeradwyo, mae eitem {number} wedi&apos;i nodi heb ei bodloni ac mae angen sylw yn dweud pam.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="331"/>
        <source>To approve, items {numbers} are marked not met and each needs a comment saying why.</source>
        <translation type="unfinished">I gymeradwyo, mae eitemau {numbers} wedi&apos;u nodi heb eu bodloni ac mae angen sylw yn dweud pam ar bob un.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="339"/>
        <source>To return the statement, write your comments saying what should change.</source>
        <translation type="unfinished">I ddychwelyd y datganiad, ysgrifennwch eich sylwadau yn dweud beth ddylai newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="345"/>
        <source>Your comments are too long: at most {limit} characters.</source>
        <translation type="unfinished">Mae eich sylwadau&apos;n rhy hir: dim mwy na {limit} nod.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="407"/>
        <source>Countersigning and saving the decision… this takes a few seconds.</source>
        <translation type="unfinished">Yn cydlofnodi ac yn cadw&apos;r penderfyniad… mae hyn yn cymryd ychydig eiliadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="409"/>
        <source>Saving the decision…</source>
        <translation type="unfinished">Yn cadw&apos;r penderfyniad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="428"/>
        <source>Save the decision as</source>
        <translation type="unfinished">Cadw&apos;r penderfyniad fel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="430"/>
        <source>Quietroom decision (*.qrr)</source>
        <translation type="unfinished">Penderfyniad Quietroom (*.qrr)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="445"/>
        <source>Approve this statement?

Your signature will be added to the statement PDF. The interviewer, the intake and you can open the decision file.

It will be saved as:
{path}

A review is decided once; this cannot be changed afterwards.</source>
        <translation type="unfinished">Cymeradwyo&apos;r datganiad hwn?

Bydd eich llofnod yn cael ei ychwanegu at PDF y datganiad. Gall y cyfwelydd, y gwasanaeth derbyn a chi agor y ffeil penderfyniad.

Bydd yn cael ei chadw fel:
{path}

Dim ond unwaith mae penderfyniad yn cael ei wneud ar adolygiad; does dim modd newid hyn wedyn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="455"/>
        <source>Return this statement to the interviewer with your comments?

The statement is not countersigned. The interviewer, the intake and you can open the decision file.

It will be saved as:
{path}

A review is decided once; this cannot be changed afterwards.</source>
        <translation type="unfinished">Dychwelyd y datganiad hwn at y cyfwelydd gyda&apos;ch sylwadau?

Does dim cydlofnod ar y datganiad. Gall y cyfwelydd, y gwasanaeth derbyn a chi agor y ffeil penderfyniad.

Bydd yn cael ei chadw fel:
{path}

Dim ond unwaith mae penderfyniad yn cael ei wneud ar adolygiad; does dim modd newid hyn wedyn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="463"/>
        <source>A file with this name is already there; it will be replaced.</source>
        <translation type="unfinished">Mae ffeil â&apos;r enw hwn yno&apos;n barod; bydd yn cael ei disodli.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="474"/>
        <source>Approved and countersigned. The decision was saved to:
{path}
{interviewer} (who took the statement), the intake and you can open it; nobody else can. Send it to the interviewer in the usual way.</source>
        <translation type="unfinished">Wedi&apos;i gymeradwyo a&apos;i gydlofnodi. Cafodd y penderfyniad ei gadw yn:
{path}
Gall {interviewer} (a gymerodd y datganiad), y gwasanaeth derbyn a chi ei agor; all neb arall. Anfonwch ef at y cyfwelydd yn y ffordd arferol.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_decision.py" line="480"/>
        <source>Returned with your comments. The decision was saved to:
{path}
{interviewer} (who took the statement), the intake and you can open it; nobody else can. Send it to the interviewer in the usual way.</source>
        <translation type="unfinished">Wedi&apos;i ddychwelyd gyda&apos;ch sylwadau. Cafodd y penderfyniad ei gadw yn:
{path}
Gall {interviewer} (a gymerodd y datganiad), y gwasanaeth derbyn a chi ei agor; all neb arall. Anfonwch ef at y cyfwelydd yn y ffordd arferol.</translation>
    </message>
</context>
<context>
    <name>ReviewInboxScreen</name>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="196"/>
        <location filename="../../../ui/screens/review_inbox.py" line="222"/>
        <source>Reviews</source>
        <translation type="unfinished">Adolygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="199"/>
        <source>Statements sent to you for review. A bundle is checked when you open it: only one that passes every check is kept here.</source>
        <translation type="unfinished">Datganiadau a anfonwyd atoch i&apos;w hadolygu. Caiff bwndel ei wirio pan fyddwch chi&apos;n ei agor: dim ond un sy&apos;n llwyddo ym mhob gwiriad sy&apos;n cael ei gadw yma.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="208"/>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="209"/>
        <source>Category</source>
        <translation type="unfinished">Categori</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="210"/>
        <source>Interviewer</source>
        <translation type="unfinished">Cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="211"/>
        <source>Received</source>
        <translation type="unfinished">Derbyniwyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="212"/>
        <source>State</source>
        <translation type="unfinished">Cyflwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="222"/>
        <source>Press Enter to read the selected review.</source>
        <translation type="unfinished">Pwyswch Enter i ddarllen yr adolygiad a ddewiswyd.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="230"/>
        <source>No reviews yet. Open a bundle for review, or drop a .qrb file on this screen.</source>
        <translation type="unfinished">Dim adolygiadau eto. Agorwch fwndel i&apos;w adolygu, neu gollyngwch ffeil .qrb ar y sgrin hon.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="239"/>
        <source>Checking the bundle</source>
        <translation type="unfinished">Yn gwirio&apos;r bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="248"/>
        <source>The checks made on the bundle</source>
        <translation type="unfinished">Y gwiriadau a wnaed ar y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="251"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished">&amp;Cau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="252"/>
        <source>Dismiss the checks</source>
        <translation type="unfinished">Cau&apos;r gwiriadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="259"/>
        <source>&amp;Cases</source>
        <translation type="unfinished">Ach&amp;osion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="260"/>
        <source>Back to the case list</source>
        <translation type="unfinished">Yn ôl i&apos;r rhestr achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="260"/>
        <source>Cases</source>
        <translation type="unfinished">Achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="261"/>
        <source>&amp;Read</source>
        <translation type="unfinished">&amp;Darllen</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="262"/>
        <source>Read the selected review</source>
        <translation type="unfinished">Darllen yr adolygiad a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="263"/>
        <source>Open a &amp;bundle for review…</source>
        <translation type="unfinished">Agor &amp;bwndel i&apos;w adolygu…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="267"/>
        <location filename="../../../ui/screens/review_inbox.py" line="381"/>
        <source>Open a bundle for review</source>
        <translation type="unfinished">Agor bwndel i&apos;w adolygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="268"/>
        <source>Checks a bundle sent to you and, if it passes, keeps it for review</source>
        <translation type="unfinished">Yn gwirio bwndel a anfonwyd atoch ac, os yw&apos;n llwyddo, yn ei gadw i&apos;w adolygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="355"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="383"/>
        <source>Quietroom bundle (*.qrb)</source>
        <translation type="unfinished">Bwndel Quietroom (*.qrb)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="396"/>
        <source>Checking the bundle… this takes a few seconds.</source>
        <translation type="unfinished">Yn gwirio&apos;r bwndel… mae hyn yn cymryd ychydig eiliadau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="417"/>
        <source>This bundle did not pass its checks (%1), so nothing of it was kept. Do not rely on it: ask the sender to export it to you again.</source>
        <translation type="unfinished">Wnaeth y bwndel hwn ddim llwyddo yn ei wiriadau (%1), felly chafodd dim ohono ei gadw. Peidiwch â dibynnu arno: gofynnwch i&apos;r anfonwr ei allforio atoch eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="427"/>
        <source>The bundle passed every check and is now in your reviews. It is selected.</source>
        <translation type="unfinished">Llwyddodd y bwndel ym mhob gwiriad ac mae bellach yn eich adolygiadau. Mae wedi&apos;i ddewis.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="429"/>
        <source>This bundle is already in your reviews. It is selected.</source>
        <translation type="unfinished">Mae&apos;r bwndel hwn yn eich adolygiadau yn barod. Mae wedi&apos;i ddewis.</translation>
    </message>
</context>
<context>
    <name>ReviewReadingScreen</name>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="164"/>
        <source>&amp;Reviews</source>
        <translation type="unfinished">A&amp;dolygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="165"/>
        <source>Back to the reviews</source>
        <translation type="unfinished">Yn ôl i&apos;r adolygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="167"/>
        <source>&amp;Decide…</source>
        <translation type="unfinished">&amp;Penderfynu…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="171"/>
        <source>Decide</source>
        <translation type="unfinished">Penderfynu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="172"/>
        <source>Approve the statement, or return it with comments</source>
        <translation type="unfinished">Cymeradwyo&apos;r datganiad, neu ei ddychwelyd gyda sylwadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="183"/>
        <source>Opening the review</source>
        <translation type="unfinished">Yn agor yr adolygiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="195"/>
        <source>The record of the interview</source>
        <translation type="unfinished">Cofnod y cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="207"/>
        <source>V&amp;erification</source>
        <translation type="unfinished">D&amp;ilysu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="198"/>
        <source>How the statement was taken</source>
        <translation type="unfinished">Sut y cymerwyd y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="200"/>
        <source>The statement&apos;s signing, each sitting with who was present and every pause, the timeline, read-back corrections and revisions</source>
        <translation type="unfinished">Llofnodi&apos;r datganiad, pob sesiwn gyda phwy oedd yn bresennol a phob saib, y llinell amser, cywiriadau wrth ddarllen yn ôl a diwygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="206"/>
        <source>Re&amp;cord</source>
        <translation type="unfinished">C&amp;ofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="208"/>
        <source>Re&amp;stricted</source>
        <translation type="unfinished">C&amp;yfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="254"/>
        <source>S&amp;how restricted details</source>
        <translation type="unfinished">&amp;Dangos manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="257"/>
        <source>Show restricted details</source>
        <translation type="unfinished">Dangos manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="209"/>
        <source>The witness&apos;s restricted details</source>
        <translation type="unfinished">Manylion cyfyngedig y tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="247"/>
        <source>The witness&apos;s restricted details (address, contact, needs) are kept apart from the statement. Show them only when you need them: each time they are shown, it is recorded in this review&apos;s record.</source>
        <translation type="unfinished">Caiff manylion cyfyngedig y tyst (cyfeiriad, cyswllt, anghenion) eu cadw ar wahân i&apos;r datganiad. Dangoswch nhw dim ond pan fydd eu hangen arnoch chi: bob tro y cân nhw eu dangos, caiff hynny ei gofnodi yng nghofnod yr adolygiad hwn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="258"/>
        <source>Shows the witness&apos;s restricted details; this is recorded</source>
        <translation type="unfinished">Yn dangos manylion cyfyngedig y tyst; caiff hyn ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="260"/>
        <source>H&amp;ide restricted details</source>
        <translation type="unfinished">C&amp;uddio manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="261"/>
        <source>Hide restricted details</source>
        <translation type="unfinished">Cuddio manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="274"/>
        <source>Restricted details</source>
        <translation type="unfinished">Manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="367"/>
        <source>%1 · interviewer %2 · received %3 · %4</source>
        <translation type="unfinished">%1 · cyfwelydd %2 · derbyniwyd %3 · %4</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="382"/>
        <source>Every check passed when the review was opened just now.</source>
        <translation type="unfinished">Llwyddodd pob gwiriad pan agorwyd yr adolygiad gynnau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="384"/>
        <source>Not every check passed. Do not rely on this statement.</source>
        <translation type="unfinished">Wnaeth pob gwiriad ddim llwyddo. Peidiwch â dibynnu ar y datganiad hwn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="398"/>
        <source>The review could not be opened; nothing was changed.</source>
        <translation type="unfinished">Doedd dim modd agor yr adolygiad; chafodd dim byd ei newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="436"/>
        <source>This view was recorded in the review&apos;s record. Hide them when done.</source>
        <translation type="unfinished">Cafodd yr edrychiad hwn ei gofnodi yng nghofnod yr adolygiad. Cuddiwch nhw pan fyddwch chi wedi gorffen.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="449"/>
        <source>The restricted details could not be shown.</source>
        <translation type="unfinished">Doedd dim modd dangos y manylion cyfyngedig.</translation>
    </message>
</context>
<context>
    <name>ReviewRecord</name>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="46"/>
        <source>under 1 min</source>
        <translation type="unfinished">llai nag 1 mun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="48"/>
        <source>0 min</source>
        <translation type="unfinished">0 mun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="52"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished">%1 awr %2 mun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="53"/>
        <source>%1 min</source>
        <translation type="unfinished">%1 mun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="58"/>
        <source>interviewer</source>
        <translation type="unfinished">cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="59"/>
        <source>second interviewer</source>
        <translation type="unfinished">ail gyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="60"/>
        <source>interpreter</source>
        <translation type="unfinished">cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="61"/>
        <source>supporter</source>
        <translation type="unfinished">cefnogwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="62"/>
        <source>witness</source>
        <translation type="unfinished">tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="63"/>
        <source>appropriate adult</source>
        <translation type="unfinished">oedolyn priodol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="64"/>
        <source>Registered Intermediary</source>
        <translation type="unfinished">Cyfryngwr Cofrestredig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="65"/>
        <source>ISVA</source>
        <translation type="unfinished">ISVA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="72"/>
        <source>child sexual abuse (non-recent)</source>
        <translation type="unfinished">cam-drin plant yn rhywiol (nad yw&apos;n ddiweddar)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="73"/>
        <source>abuse of position for a sexual purpose</source>
        <translation type="unfinished">camddefnyddio swydd at ddiben rhywiol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="74"/>
        <source>general statement</source>
        <translation type="unfinished">datganiad cyffredinol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="81"/>
        <source>an image (PNG)</source>
        <translation type="unfinished">delwedd (PNG)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="82"/>
        <source>an image (JPEG)</source>
        <translation type="unfinished">delwedd (JPEG)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="83"/>
        <source>a drawing (SVG)</source>
        <translation type="unfinished">llun (SVG)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="84"/>
        <source>drawn on screen</source>
        <translation type="unfinished">wedi&apos;i dynnu ar y sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="155"/>
        <source>From %1, not ended</source>
        <translation type="unfinished">O %1, heb ddod i ben</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="157"/>
        <source>From %1 to %2</source>
        <translation type="unfinished">O %1 i %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="226"/>
        <source>Timeline, in the witness&apos;s words</source>
        <translation type="unfinished">Llinell amser, yng ngeiriau&apos;r tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_reading.py" line="378"/>
        <source>Times are shown in this computer&apos;s time zone.</source>
        <translation type="unfinished">Mae&apos;r amseroedd yng nghylchfa amser y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="94"/>
        <source>The statement</source>
        <translation type="unfinished">Y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="97"/>
        <source>Statement number: %1</source>
        <translation type="unfinished">Rhif y datganiad: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="102"/>
        <source>Read back and confirmed: %1</source>
        <translation type="unfinished">Wedi&apos;i ddarllen yn ôl a&apos;i gadarnhau: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="107"/>
        <source>Signed: %1</source>
        <translation type="unfinished">Wedi&apos;i lofnodi: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="110"/>
        <source>Read to the witness by: %1</source>
        <translation type="unfinished">Wedi&apos;i ddarllen i&apos;r tyst gan: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="114"/>
        <source>The witness read the statement themselves.</source>
        <translation type="unfinished">Darllenodd y tyst y datganiad eu hunain.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="119"/>
        <source>Signature: %1</source>
        <translation type="unfinished">Llofnod: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="127"/>
        <source>Overall</source>
        <translation type="unfinished">At ei gilydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="128"/>
        <source>Sittings: %1</source>
        <translation type="unfinished">Sesiynau: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="130"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="171"/>
        <source>Active time: %1</source>
        <translation type="unfinished">Amser gweithredol: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="135"/>
        <source>Pauses: %1, of which the witness asked for %2</source>
        <translation type="unfinished">Seibiau: %1, a gofynnodd y tyst am %2 ohonynt</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="141"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="174"/>
        <source>Interruptions: %1</source>
        <translation type="unfinished">Ymyriadau: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="148"/>
        <source>from %1, %2</source>
        <translation type="unfinished">o %1, %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="150"/>
        <source>from %1 to %2</source>
        <translation type="unfinished">o %1 i %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="163"/>
        <source>Sitting %1, at %2</source>
        <translation type="unfinished">Sesiwn %1, yn %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="165"/>
        <source>Sitting %1</source>
        <translation type="unfinished">Sesiwn %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="209"/>
        <source>not ended</source>
        <translation type="unfinished">heb ddod i ben</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="177"/>
        <source>Present: nobody was recorded.</source>
        <translation type="unfinished">Yn bresennol: chafodd neb ei gofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="180"/>
        <source>Pauses: none.</source>
        <translation type="unfinished">Seibiau: dim.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="187"/>
        <source>Present: %1, %2</source>
        <translation type="unfinished">Yn bresennol: %1, %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="192"/>
        <source>%1, language %2</source>
        <translation type="unfinished">%1, iaith %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="194"/>
        <source>%1 (outside the evidential chain)</source>
        <translation type="unfinished">%1 (y tu allan i&apos;r gadwyn dystiolaeth)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="201"/>
        <source>recorded by Quietroom itself</source>
        <translation type="unfinished">wedi&apos;i gofnodi gan Quietroom ei hun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="203"/>
        <source>who asked was not recorded</source>
        <translation type="unfinished">ni chofnodwyd pwy ofynnodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="206"/>
        <source>asked for by the %1</source>
        <translation type="unfinished">ar gais %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="211"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="242"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="374"/>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="213"/>
        <source>no reason given</source>
        <translation type="unfinished">ni roddwyd rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="218"/>
        <source>Interruption %1: %2, %3. Reason: %4</source>
        <translation type="unfinished">Ymyriad %1: %2, %3. Rheswm: %4</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="220"/>
        <source>Pause %1: %2, %3. Reason: %4</source>
        <translation type="unfinished">Saib %1: %2, %3. Rheswm: %4</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="228"/>
        <source>No events were recorded.</source>
        <translation type="unfinished">Chafodd dim digwyddiadau eu cofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="236"/>
        <source>between %1 and %2</source>
        <translation type="unfinished">rhwng %1 a %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="239"/>
        <source>uncertain</source>
        <translation type="unfinished">ansicr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="244"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="259"/>
        <source>Read-back</source>
        <translation type="unfinished">Darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="262"/>
        <source>Corrections made at read-back: %1</source>
        <translation type="unfinished">Cywiriadau wrth ddarllen yn ôl: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="267"/>
        <source>Revisions by section</source>
        <translation type="unfinished">Diwygiadau fesul adran</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="270"/>
        <source>No revisions were recorded.</source>
        <translation type="unfinished">Chafodd dim diwygiadau eu cofnodi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="274"/>
        <source>%1: no revisions</source>
        <translation type="unfinished">%1: dim diwygiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="279"/>
        <source>%1: revisions %2, corrections %3, last updated %4</source>
        <translation type="unfinished">%1: diwygiadau %2, cywiriadau %3, diweddarwyd ddiwethaf %4</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="294"/>
        <source>Date of birth</source>
        <translation type="unfinished">Dyddiad geni</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="295"/>
        <source>Address</source>
        <translation type="unfinished">Cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="296"/>
        <source>Telephone</source>
        <translation type="unfinished">Ffôn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="297"/>
        <source>Email</source>
        <translation type="unfinished">E-bost</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="298"/>
        <source>Safe way to contact</source>
        <translation type="unfinished">Ffordd ddiogel o gysylltu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="299"/>
        <source>Safe times to contact</source>
        <translation type="unfinished">Amseroedd diogel i gysylltu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="300"/>
        <source>Safe to leave a voicemail</source>
        <translation type="unfinished">Mae&apos;n ddiogel gadael neges lais</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="301"/>
        <source>Safe to send letters</source>
        <translation type="unfinished">Diogel anfon llythyrau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="302"/>
        <source>Dates to avoid</source>
        <translation type="unfinished">Dyddiadau i&apos;w hosgoi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="303"/>
        <source>Special measures</source>
        <translation type="unfinished">Mesurau arbennig</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="304"/>
        <source>Other needs</source>
        <translation type="unfinished">Anghenion eraill</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="305"/>
        <source>Victim Personal Statement offered</source>
        <translation type="unfinished">Cynigiwyd Datganiad Personol y Dioddefwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="306"/>
        <source>Criminal justice process and VPS scheme explained</source>
        <translation type="unfinished">Eglurwyd y broses cyfiawnder troseddol a chynllun Datganiad Personol y Dioddefwr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="309"/>
        <source>Leaflet given</source>
        <translation type="unfinished">Rhoddwyd y daflen</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="310"/>
        <source>Willing to attend court</source>
        <translation type="unfinished">Yn fodlon mynd i&apos;r llys</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="311"/>
        <source>About attending court</source>
        <translation type="unfinished">Ynghylch mynd i&apos;r llys</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="312"/>
        <source>Referred to the Witness Service</source>
        <translation type="unfinished">Atgyfeiriwyd at y Gwasanaeth Tystion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="318"/>
        <source>Witness</source>
        <translation type="unfinished">Tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="329"/>
        <source>Consent</source>
        <translation type="unfinished">Cydsyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="335"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="342"/>
        <source>Yes</source>
        <translation type="unfinished">Ie</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="336"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="342"/>
        <source>No</source>
        <translation type="unfinished">Na</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="337"/>
        <source>Not sure</source>
        <translation type="unfinished">Ddim yn siŵr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="351"/>
        <source>given</source>
        <translation type="unfinished">wedi&apos;i roi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="352"/>
        <source>withdrawn</source>
        <translation type="unfinished">wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="355"/>
        <location filename="../../../ui/screens/review_record_rows.py" line="356"/>
        <source>Police access to medical records</source>
        <translation type="unfinished">Yr heddlu&apos;n cael gweld cofnodion meddygol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="357"/>
        <source>Medical records disclosed to the defence</source>
        <translation type="unfinished">Cofnodion meddygol wedi&apos;u datgelu i&apos;r amddiffyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="360"/>
        <source>Statement used in civil proceedings</source>
        <translation type="unfinished">Defnyddio&apos;r datganiad mewn achosion sifil</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="361"/>
        <source>Details shared with agencies that support victims</source>
        <translation type="unfinished">Rhannu manylion ag asiantaethau sy&apos;n cefnogi dioddefwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="367"/>
        <source>%1: %2 on %3</source>
        <translation type="unfinished">%1: %2 ar %3</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_record_rows.py" line="377"/>
        <source>%1; limit: %2</source>
        <translation type="unfinished">%1; cyfyngiad: %2</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="61"/>
        <source>not recorded</source>
        <translation type="unfinished">heb ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="93"/>
        <source>CSA</source>
        <translation type="unfinished">CSA</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="94"/>
        <source>APSP</source>
        <translation type="unfinished">APSP</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="95"/>
        <source>General</source>
        <translation type="unfinished">Cyffredinol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="102"/>
        <source>To review</source>
        <translation type="unfinished">I&apos;w adolygu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="103"/>
        <source>Approved</source>
        <translation type="unfinished">Wedi&apos;i gymeradwyo</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="104"/>
        <source>Returned</source>
        <translation type="unfinished">Wedi&apos;i ddychwelyd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="112"/>
        <source>The file</source>
        <translation type="unfinished">Y ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="113"/>
        <source>Opening it with your key</source>
        <translation type="unfinished">Ei agor â&apos;ch allwedd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="114"/>
        <source>Everything expected is inside</source>
        <translation type="unfinished">Mae popeth disgwyliedig y tu mewn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="115"/>
        <source>The list of its contents</source>
        <translation type="unfinished">Y rhestr o&apos;i gynnwys</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="116"/>
        <source>The author&apos;s signature on the bundle</source>
        <translation type="unfinished">Llofnod yr awdur ar y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="119"/>
        <source>The author is an interviewer</source>
        <translation type="unfinished">Mae&apos;r awdur yn gyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="120"/>
        <source>Nothing was altered</source>
        <translation type="unfinished">Does dim byd wedi&apos;i newid</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="121"/>
        <source>It was sent to you</source>
        <translation type="unfinished">Cafodd ei anfon atoch chi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="122"/>
        <source>The signature on the statement</source>
        <translation type="unfinished">Y llofnod ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="125"/>
        <source>The record of the interview</source>
        <translation type="unfinished">Cofnod y cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="126"/>
        <source>The restricted details, kept apart</source>
        <translation type="unfinished">Y manylion cyfyngedig, wedi&apos;u cadw ar wahân</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="129"/>
        <source>The audit log is unbroken</source>
        <translation type="unfinished">Mae&apos;r log archwilio yn gyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/review_inbox.py" line="130"/>
        <source>The organisation&apos;s trust file</source>
        <translation type="unfinished">Ffeil ymddiried y sefydliad</translation>
    </message>
</context>
<context>
    <name>SecondScreenWindow</name>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="141"/>
        <source>The statement, to read</source>
        <translation type="unfinished">Y datganiad, i&apos;w ddarllen</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="146"/>
        <source>Statement text</source>
        <translation type="unfinished">Testun y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/readback_view.py" line="147"/>
        <source>The statement in large print, to read</source>
        <translation type="unfinished">Y datganiad mewn print bras, i&apos;w ddarllen</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="76"/>
        <source>Settings</source>
        <translation type="unfinished">Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="80"/>
        <source>These preferences are kept on this computer. They never include anything about a case.</source>
        <translation type="unfinished">Caiff y dewisiadau hyn eu cadw ar y cyfrifiadur hwn. Dydyn nhw byth yn cynnwys unrhyw beth am achos.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="90"/>
        <source>A screen reader is running. In the interview room, use headphones: it reads the statement aloud as you move through it.</source>
        <translation type="unfinished">Mae darllenydd sgrin ar waith. Yn yr ystafell gyfweld, defnyddiwch glustffonau: mae&apos;n darllen y datganiad yn uchel wrth i chi symud drwyddo.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="103"/>
        <source>Language</source>
        <translation type="unfinished">Iaith</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="105"/>
        <source>Languages to choose from</source>
        <translation type="unfinished">Ieithoedd i ddewis ohonynt</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="106"/>
        <source>&amp;Language</source>
        <translation type="unfinished">&amp;Iaith</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="113"/>
        <source>Text size, in percent</source>
        <translation type="unfinished">Maint y testun, fel canran</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="114"/>
        <location filename="../../../ui/screens/settings_screen.py" line="118"/>
        <source>From 100 to 200 percent, in steps of 25</source>
        <translation type="unfinished">O 100 i 200 y cant, fesul 25</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="116"/>
        <source>&amp;Text size</source>
        <translation type="unfinished">&amp;Maint y testun</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="123"/>
        <source>Light</source>
        <translation type="unfinished">Golau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="124"/>
        <source>Dark</source>
        <translation type="unfinished">Tywyll</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="125"/>
        <source>High contrast</source>
        <translation type="unfinished">Cyferbyniad uchel</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="129"/>
        <source>Theme</source>
        <translation type="unfinished">Thema</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="130"/>
        <source>Themes to choose from</source>
        <translation type="unfinished">Themâu i ddewis ohonynt</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="131"/>
        <source>T&amp;heme</source>
        <translation type="unfinished">&amp;Thema</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="134"/>
        <location filename="../../../ui/screens/settings_screen.py" line="149"/>
        <location filename="../../../ui/screens/settings_screen.py" line="243"/>
        <source> minutes</source>
        <translation type="unfinished"> munud</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="138"/>
        <source>Lock automatically after, in minutes</source>
        <translation type="unfinished">Cloi&apos;n awtomatig ar ôl, mewn munudau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="140"/>
        <source>The vault locks after this many minutes without use, or during a break that lasts longer</source>
        <translation type="unfinished">Mae&apos;r gladdgell yn cloi ar ôl y nifer hwn o funudau heb ei defnyddio, neu yn ystod egwyl sy&apos;n para&apos;n hirach</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="144"/>
        <source>Loc&amp;k automatically after</source>
        <translation type="unfinished">C&amp;loi&apos;n awtomatig ar ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="145"/>
        <source>From 1 to 60 minutes</source>
        <translation type="unfinished">O 1 i 60 munud</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="152"/>
        <source>Default break interval, in minutes</source>
        <translation type="unfinished">Amser arferol rhwng egwyliau, mewn munudau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="153"/>
        <source>Offered for a new survivor; they may choose another</source>
        <translation type="unfinished">Caiff ei gynnig i oroeswr newydd; gallan nhw ddewis amser arall</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="155"/>
        <source>Default b&amp;reak interval</source>
        <translation type="unfinished">Amser arferol rhwng &amp;egwyliau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="156"/>
        <source>From 5 to 180 minutes</source>
        <translation type="unfinished">O 5 i 180 munud</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="158"/>
        <source>Allow &amp;copying statement text to the clipboard</source>
        <translation type="unfinished">Caniatáu c&amp;opïo testun y datganiad i&apos;r clipfwrdd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="160"/>
        <source>Off unless you switch it on. Copied text is cleared from the clipboard after 30 seconds.</source>
        <translation type="unfinished">Wedi&apos;i ddiffodd oni bai eich bod chi&apos;n ei droi ymlaen. Caiff testun sydd wedi&apos;i gopïo ei glirio o&apos;r clipfwrdd ar ôl 30 eiliad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="164"/>
        <source>Allow copying statement text to the clipboard</source>
        <translation type="unfinished">Caniatáu copïo testun y datganiad i&apos;r clipfwrdd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="171"/>
        <source>Sending to the central system</source>
        <translation type="unfinished">Anfon i&apos;r system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="176"/>
        <source>Where exported statements are sent. Leave it empty to use the address in your organisation&apos;s trust file. This address is kept in your encrypted vault.</source>
        <translation type="unfinished">Lle mae datganiadau a allforiwyd yn cael eu hanfon. Gadewch yn wag i ddefnyddio&apos;r cyfeiriad yn ffeil ymddiried eich sefydliad. Mae&apos;r cyfeiriad hwn yn cael ei gadw yn eich claddgell wedi&apos;i hamgryptio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="179"/>
        <source>The central system&apos;s address</source>
        <translation type="unfinished">Cyfeiriad y system ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="180"/>
        <source>Clear the address</source>
        <translation type="unfinished">Clirio&apos;r cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="181"/>
        <source>The central system&apos;s a&amp;ddress</source>
        <translation type="unfinished">Cyfeiriad y system &amp;ganolog</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="184"/>
        <source>Your passphrase</source>
        <translation type="unfinished">Eich cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="185"/>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished">Newid y cyf&amp;rinymadrodd…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="188"/>
        <source>Change passphrase</source>
        <translation type="unfinished">Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="189"/>
        <source>Change the vault&apos;s passphrase, or give the vault a new key</source>
        <translation type="unfinished">Newid cyfrinymadrodd y gladdgell, neu roi allwedd newydd i&apos;r gladdgell</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="198"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="199"/>
        <source>Back, without saving</source>
        <translation type="unfinished">Yn ôl, heb gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="201"/>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Cadw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="203"/>
        <source>Save settings</source>
        <translation type="unfinished">Cadw&apos;r gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="241"/>
        <source> minutes</source>
        <comment>after the number 2</comment>
        <translation type="unfinished"> funud</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="284"/>
        <source>From the trust file: {address}</source>
        <translation type="unfinished">O&apos;r ffeil ymddiried: {address}</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="286"/>
        <source>None is set</source>
        <translation type="unfinished">Does dim un wedi&apos;i osod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="328"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="336"/>
        <source>Settings saved.</source>
        <translation type="unfinished">Gosodiadau wedi&apos;u cadw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/settings_screen.py" line="339"/>
        <source>The settings apply now, but they could not be saved for next time.</source>
        <translation type="unfinished">Mae&apos;r gosodiadau ar waith nawr, ond doedd dim modd eu cadw ar gyfer y tro nesaf.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../../../ui/screens/setup.py" line="142"/>
        <source>Create your vault</source>
        <translation type="unfinished">Creu eich claddgell</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="145"/>
        <source>Everything you record in Quietroom stays encrypted on this laptop. You will need your passphrase every time you open it.</source>
        <translation type="unfinished">Mae popeth rydych chi&apos;n ei gofnodi yn Quietroom yn aros wedi&apos;i amgryptio ar y gliniadur hwn. Bydd angen eich cyfrinymadrodd arnoch chi bob tro y byddwch chi&apos;n ei agor.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="150"/>
        <source>Choose a passphrase you will remember. If it is forgotten and no recovery key is set, nothing can recover it, and the vault cannot be opened again.</source>
        <translation type="unfinished">Dewiswch gyfrinymadrodd y byddwch chi&apos;n ei gofio. Os caiff ei anghofio ac nad oes allwedd adfer wedi&apos;i gosod, does dim modd ei adfer, a fydd dim modd agor y gladdgell eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="158"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished">&amp;Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="159"/>
        <source>Passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="159"/>
        <source>At least 8 characters</source>
        <translation type="unfinished">O leiaf 8 nod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="161"/>
        <source>&amp;Repeat the passphrase</source>
        <translation type="unfinished">&amp;Ailadrodd y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="163"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished">Ailadrodd y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="163"/>
        <source>Type the same passphrase again</source>
        <translation type="unfinished">Teipiwch yr un cyfrinymadrodd eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="165"/>
        <source>&amp;Show the passphrase</source>
        <translation type="unfinished">&amp;Dangos y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="168"/>
        <source>Show the passphrase</source>
        <translation type="unfinished">Dangos y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="169"/>
        <source>Shows the typed passphrase on screen</source>
        <translation type="unfinished">Yn dangos y cyfrinymadrodd a deipiwyd ar y sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="221"/>
        <source>Looking for this computer&apos;s keyring…</source>
        <translation type="unfinished">Yn chwilio am gylch allweddi&apos;r cyfrifiadur hwn…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="172"/>
        <source>Organisation recovery &amp;key (optional)</source>
        <translation type="unfinished">Allwedd adfer y &amp;sefydliad (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="175"/>
        <source>Organisation recovery key, optional</source>
        <translation type="unfinished">Allwedd adfer y sefydliad, dewisol</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="177"/>
        <source>The public recovery key your organisation gave you; it starts with age1. It lets an administrator restore access if the passphrase is forgotten.</source>
        <translation type="unfinished">Yr allwedd adfer gyhoeddus a roddodd eich sefydliad i chi; mae&apos;n dechrau gydag age1. Mae&apos;n galluogi gweinyddwr i adfer mynediad os caiff y cyfrinymadrodd ei anghofio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="184"/>
        <source>If your organisation gave you a recovery key (it starts with age1), paste it here so an administrator can restore access if the passphrase is forgotten.</source>
        <translation type="unfinished">Os rhoddodd eich sefydliad allwedd adfer i chi (mae&apos;n dechrau gydag age1), gludwch hi yma er mwyn i weinyddwr allu adfer mynediad os caiff y cyfrinymadrodd ei anghofio.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="188"/>
        <source>&amp;Create the vault</source>
        <translation type="unfinished">C&amp;reu&apos;r gladdgell</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="189"/>
        <source>Create the vault</source>
        <translation type="unfinished">Creu&apos;r gladdgell</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="224"/>
        <source>Your vault will also be bound to this computer&apos;s keyring (Secret Service).</source>
        <translation type="unfinished">Bydd eich claddgell hefyd wedi&apos;i chlymu wrth gylch allweddi&apos;r cyfrifiadur hwn (Secret Service).</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="228"/>
        <source>No system keyring was found: the vault will be protected by the passphrase only.</source>
        <translation type="unfinished">Doedd dim cylch allweddi ar y system: dim ond y cyfrinymadrodd fydd yn diogelu&apos;r gladdgell.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="241"/>
        <source>The two passphrases are not the same. Please type them both again.</source>
        <translation type="unfinished">Dydy&apos;r ddau gyfrinymadrodd ddim yr un fath. Teipiwch y ddau eto, os gwelwch yn dda.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="271"/>
        <source>The vault could not be created. Nothing was changed; please try again.</source>
        <translation type="unfinished">Doedd dim modd creu&apos;r gladdgell. Does dim byd wedi newid; rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/setup.py" line="191"/>
        <location filename="../../../ui/screens/setup.py" line="293"/>
        <source>Creating… this takes a moment.</source>
        <translation type="unfinished">Yn creu… mae hyn yn cymryd ennyd.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="42"/>
        <source>Timeline and notes</source>
        <translation type="unfinished">Llinell amser a nodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="55"/>
        <source>Timeline events</source>
        <translation type="unfinished">Digwyddiadau&apos;r llinell amser</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="60"/>
        <source>e.g. summer 1987, aged about 12</source>
        <translation type="unfinished">e.e. haf 1987, tua 12 oed</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="61"/>
        <source>When</source>
        <translation type="unfinished">Pryd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="56"/>
        <source>Events in date order, in the survivor&apos;s own words</source>
        <translation type="unfinished">Digwyddiadau yn nhrefn dyddiad, yng ngeiriau&apos;r goroeswr ei hun</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="61"/>
        <source>In the survivor&apos;s words</source>
        <translation type="unfinished">Yng ngeiriau&apos;r goroeswr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="63"/>
        <source>What happened</source>
        <translation type="unfinished">Beth ddigwyddodd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="64"/>
        <source>&amp;When</source>
        <translation type="unfinished">&amp;Pryd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="65"/>
        <source>Wh&amp;at</source>
        <translation type="unfinished">&amp;Beth</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="66"/>
        <source>Add to &amp;timeline</source>
        <translation type="unfinished">Ychwanegu at y llinell a&amp;mser</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="67"/>
        <source>Add to timeline</source>
        <translation type="unfinished">Ychwanegu at y llinell amser</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="76"/>
        <source>Timeline</source>
        <translation type="unfinished">Llinell amser</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="82"/>
        <source>Notes for you only. They never enter the statement.</source>
        <translation type="unfinished">Nodiadau i chi yn unig. Dydyn nhw byth yn mynd i mewn i&apos;r datganiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="87"/>
        <source>Interviewer notes</source>
        <translation type="unfinished">Nodiadau&apos;r cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="90"/>
        <source>New note</source>
        <translation type="unfinished">Nodyn newydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="90"/>
        <source>Never part of the statement</source>
        <translation type="unfinished">Byth yn rhan o&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="91"/>
        <source>Add &amp;note</source>
        <translation type="unfinished">Ychwanegu nod&amp;yn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="92"/>
        <source>Add note</source>
        <translation type="unfinished">Ychwanegu nodyn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="97"/>
        <source>Notes</source>
        <translation type="unfinished">Nodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="113"/>
        <source> (uncertain)</source>
        <translation type="unfinished"> (ansicr)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/side_panel.py" line="126"/>
        <source>Note added.</source>
        <translation type="unfinished">Nodyn wedi&apos;i ychwanegu.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../../ui/widgets/signature_pad.py" line="53"/>
        <source>Signature pad</source>
        <translation type="unfinished">Pad llofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signature_pad.py" line="55"/>
        <source>Signature pad: sign here with a finger, pen or mouse</source>
        <translation type="unfinished">Pad llofnod: llofnodwch yma gyda bys, pen neu lygoden</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signature_pad.py" line="220"/>
        <source>Sign here</source>
        <translation type="unfinished">Llofnodwch yma</translation>
    </message>
</context>
<context>
    <name>SignatureScreen</name>
    <message>
        <location filename="../../../ui/screens/signature.py" line="83"/>
        <location filename="../../../ui/screens/signature.py" line="442"/>
        <location filename="../../../ui/screens/signature.py" line="444"/>
        <source>Signature</source>
        <translation type="unfinished">Llofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="153"/>
        <source>&amp;Clear</source>
        <translation type="unfinished">&amp;Clirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="156"/>
        <source>Clear the signature</source>
        <translation type="unfinished">Clirio&apos;r llofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="165"/>
        <source>&amp;Sign the statement</source>
        <translation type="unfinished">&amp;Llofnodi&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="169"/>
        <source>Sign the statement</source>
        <translation type="unfinished">Llofnodi&apos;r datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="170"/>
        <source>Stores the signature; the statement&apos;s text can then no longer change</source>
        <translation type="unfinished">Yn cadw&apos;r llofnod; wedyn ni all testun y datganiad newid mwyach</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="36"/>
        <source>Case reference</source>
        <translation type="unfinished">Cyfeirnod yr achos</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="37"/>
        <source>Signed</source>
        <translation type="unfinished">Wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="38"/>
        <source>Pages</source>
        <translation type="unfinished">Tudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="41"/>
        <source>Its text can no longer change. Export it next, for review.</source>
        <translation type="unfinished">All ei destun ddim newid mwyach. Allforiwch ef nesaf, i&apos;w adolygu.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="49"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished">A&amp;llforio…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="53"/>
        <source>Export</source>
        <translation type="unfinished">Allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="54"/>
        <source>Export the signed statement as an encrypted bundle</source>
        <translation type="unfinished">Allforio&apos;r datganiad wedi&apos;i lofnodi fel bwndel wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="56"/>
        <source>&amp;Back to cases</source>
        <translation type="unfinished">&amp;Yn ôl i&apos;r achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/signed_summary.py" line="57"/>
        <source>Back to cases</source>
        <translation type="unfinished">Yn ôl i&apos;r achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="383"/>
        <source>Signing the statement…</source>
        <translation type="unfinished">Yn llofnodi&apos;r datganiad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="259"/>
        <source>Something went wrong; nothing was lost.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi&apos;i golli.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="115"/>
        <source>Back to &amp;read-back</source>
        <translation type="unfinished">Dychwelyd i&apos;r &amp;darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="118"/>
        <source>Back to read-back</source>
        <translation type="unfinished">Dychwelyd i&apos;r darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="120"/>
        <source>Leaves without signing, for example to make another correction or if they do not want to sign; the box is emptied</source>
        <translation type="unfinished">Yn gadael heb lofnodi, er enghraifft i wneud cywiriad arall neu os nad ydyn nhw am lofnodi; caiff y blwch ei wagio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="144"/>
        <source>Sign in the box. It can be cleared and signed again.</source>
        <translation type="unfinished">Llofnodwch yn y blwch. Mae modd ei glirio a llofnodi eto.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="157"/>
        <source>Empties the box so it can be signed again</source>
        <translation type="unfinished">Yn gwagio&apos;r blwch er mwyn llofnodi eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="159"/>
        <source>Show the pages a&amp;gain</source>
        <translation type="unfinished">Dangos y tudalennau e&amp;to</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="162"/>
        <source>Show the pages again</source>
        <translation type="unfinished">Dangos y tudalennau eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="163"/>
        <source>Prepares the pages afresh and shows the declaration and each page again</source>
        <translation type="unfinished">Yn paratoi&apos;r tudalennau o&apos;r newydd ac yn dangos y datganiad a phob tudalen eto</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="182"/>
        <source>Sign in the box above first.</source>
        <translation type="unfinished">Llofnodwch yn y blwch uchod yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="196"/>
        <location filename="../../../ui/screens/signature.py" line="202"/>
        <location filename="../../../ui/screens/signature.py" line="278"/>
        <location filename="../../../ui/screens/signature.py" line="315"/>
        <source>Preparing…</source>
        <translation type="unfinished">Wrthi&apos;n paratoi…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="292"/>
        <source>Ending the sitting…</source>
        <translation type="unfinished">Wrthi&apos;n gorffen y sesiwn…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="303"/>
        <source>Preparing the pages…</source>
        <translation type="unfinished">Wrthi&apos;n paratoi&apos;r tudalennau…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="341"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished">Tudalen %1 o %2</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="358"/>
        <source>Recording the confirmation…</source>
        <translation type="unfinished">Wrthi&apos;n cofnodi&apos;r cadarnhad…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="439"/>
        <source>Before signing</source>
        <translation type="unfinished">Cyn llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="440"/>
        <source>The declaration</source>
        <translation type="unfinished">Y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="441"/>
        <source>The pages</source>
        <translation type="unfinished">Y tudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/signature.py" line="443"/>
        <source>The statement is signed</source>
        <translation type="unfinished">Mae&apos;r datganiad wedi&apos;i lofnodi</translation>
    </message>
</context>
<context>
    <name>SittingBar</name>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="89"/>
        <source>&amp;Start sitting</source>
        <translation type="unfinished">&amp;Dechrau sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="90"/>
        <source>&amp;Pause (F9)</source>
        <translation type="unfinished">&amp;Saib (F9)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="91"/>
        <source>&amp;Resume</source>
        <translation type="unfinished">P&amp;arhau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="92"/>
        <source>&amp;End sitting</source>
        <translation type="unfinished">&amp;Gorffen sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="95"/>
        <source>Start sitting</source>
        <translation type="unfinished">Dechrau sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="96"/>
        <source>Starts a sitting with the people planned for this case</source>
        <translation type="unfinished">Yn dechrau sesiwn gyda&apos;r bobl a gynlluniwyd ar gyfer yr achos hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="100"/>
        <source>Pause</source>
        <translation type="unfinished">Saib</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="101"/>
        <source>Pauses at once and shows a neutral screen; also the F9 key</source>
        <translation type="unfinished">Yn oedi ar unwaith ac yn dangos sgrin niwtral; hefyd drwy&apos;r fysell F9</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="103"/>
        <source>Resume</source>
        <translation type="unfinished">Parhau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="103"/>
        <source>Resumes the paused sitting</source>
        <translation type="unfinished">Yn ailddechrau&apos;r sesiwn sydd ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="104"/>
        <source>End sitting</source>
        <translation type="unfinished">Gorffen sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="104"/>
        <source>Ends this sitting</source>
        <translation type="unfinished">Yn gorffen y sesiwn hon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="197"/>
        <source>Survivor</source>
        <translation type="unfinished">Goroeswr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="314"/>
        <source>No pause yet in this sitting</source>
        <translation type="unfinished">Dim saib eto yn y sesiwn hon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="333"/>
        <source>The statement is signed: no more sittings</source>
        <translation type="unfinished">Mae&apos;r datganiad wedi&apos;i lofnodi: dim mwy o sesiynau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="335"/>
        <source>No sitting in progress</source>
        <translation type="unfinished">Dim sesiwn ar y gweill</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="342"/>
        <source>Sitting %1: running</source>
        <translation type="unfinished">Sesiwn %1: ar waith</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="344"/>
        <source>Sitting %1: paused</source>
        <translation type="unfinished">Sesiwn %1: ar saib</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="349"/>
        <source>Present: %1</source>
        <translation type="unfinished">Yn bresennol: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="364"/>
        <source>interviewer</source>
        <translation type="unfinished">cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="365"/>
        <source>second interviewer</source>
        <translation type="unfinished">ail gyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="371"/>
        <source>survivor</source>
        <translation type="unfinished">goroeswr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="200"/>
        <location filename="../../../ui/widgets/sitting_bar.py" line="366"/>
        <source>Registered Intermediary</source>
        <translation type="unfinished">Cyfryngwr Cofrestredig</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="367"/>
        <source>ISVA, outside the evidential chain</source>
        <translation type="unfinished">ISVA, y tu allan i&apos;r gadwyn dystiolaeth</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="368"/>
        <source>interpreter</source>
        <translation type="unfinished">cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="369"/>
        <source>supporter</source>
        <translation type="unfinished">cefnogwr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="370"/>
        <source>appropriate adult</source>
        <translation type="unfinished">oedolyn priodol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="381"/>
        <source>Active time %1</source>
        <translation type="unfinished">Amser gweithredol %1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="132"/>
        <source>Chan&amp;ge</source>
        <translation type="unfinished">&amp;Newid</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="136"/>
        <source>Change who asked for the last pause, and why</source>
        <translation type="unfinished">Newid pwy ofynnodd am y saib diwethaf, a pham</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="137"/>
        <source>Opens a small row below to correct the record of the last pause</source>
        <translation type="unfinished">Yn agor rhes fach isod i gywiro cofnod y saib diwethaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="149"/>
        <source>Asked for by</source>
        <translation type="unfinished">Ar gais</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="151"/>
        <source>Last pause asked for by</source>
        <translation type="unfinished">Gofynnwyd am y saib diwethaf gan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="157"/>
        <source>Reason</source>
        <translation type="unfinished">Rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="160"/>
        <source>Reason (optional)</source>
        <translation type="unfinished">Rheswm (dewisol)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="163"/>
        <source>Reason for the last pause</source>
        <translation type="unfinished">Rheswm dros y saib diwethaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="164"/>
        <source>Optional; leave it empty if no reason was given</source>
        <translation type="unfinished">Dewisol; gadewch yn wag os na roddwyd rheswm</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="167"/>
        <source>Sa&amp;ve</source>
        <translation type="unfinished">&amp;Cadw</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="168"/>
        <source>Save the change to the last pause</source>
        <translation type="unfinished">Cadw&apos;r newid i&apos;r saib diwethaf</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="198"/>
        <source>Interviewer</source>
        <translation type="unfinished">Cyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="199"/>
        <source>Second interviewer</source>
        <translation type="unfinished">Ail gyfwelydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="201"/>
        <source>ISVA</source>
        <translation type="unfinished">ISVA</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="202"/>
        <source>Interpreter</source>
        <translation type="unfinished">Cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="203"/>
        <source>Supporter</source>
        <translation type="unfinished">Cefnogwr</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="204"/>
        <source>Appropriate adult</source>
        <translation type="unfinished">Oedolyn priodol</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="241"/>
        <source>Last pause asked for by: %1</source>
        <translation type="unfinished">Gofynnwyd am y saib diwethaf gan: %1</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="289"/>
        <source>Saved</source>
        <translation type="unfinished">Wedi&apos;i gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="295"/>
        <source>Not saved; please try again.</source>
        <translation type="unfinished">Heb ei gadw; rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="79"/>
        <source>P&amp;lace (optional)</source>
        <translation type="unfinished">Lle (dew&amp;isol)</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="82"/>
        <source>for example, the interview suite</source>
        <translation type="unfinished">er enghraifft, yr ystafell gyfweld</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="85"/>
        <source>Place of the sitting</source>
        <translation type="unfinished">Lleoliad y sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="86"/>
        <source>Optional; printed on the statement with the sitting&apos;s times</source>
        <translation type="unfinished">Dewisol; caiff ei argraffu ar y datganiad gydag amseroedd y sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="153"/>
        <source>Not recorded</source>
        <translation type="unfinished">Heb ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="220"/>
        <source>not recorded</source>
        <translation type="unfinished">heb ei gofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sitting_bar.py" line="245"/>
        <source>Who asked for the last pause is not recorded yet</source>
        <translation type="unfinished">Does dim cofnod eto o bwy ofynnodd am y saib diwethaf</translation>
    </message>
</context>
<context>
    <name>SittingStep</name>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="268"/>
        <source>&amp;End the sitting</source>
        <translation type="unfinished">&amp;Gorffen y sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="272"/>
        <source>End the sitting</source>
        <translation type="unfinished">Gorffen y sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="273"/>
        <source>Ends the sitting now, then shows the declaration and the pages</source>
        <translation type="unfinished">Yn gorffen y sesiwn nawr, yna&apos;n dangos y datganiad a&apos;r tudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/page_confirm.py" line="284"/>
        <source>Sitting %1 is still open. It ends before the statement is signed, because when it ended is printed on the statement. End it now?</source>
        <translation type="unfinished">Mae sesiwn %1 yn dal ar agor. Mae&apos;n dod i ben cyn i&apos;r datganiad gael ei lofnodi, oherwydd caiff yr amser y daeth i ben ei argraffu ar y datganiad. Ei gorffen nawr?</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="21"/>
        <source>Read-back</source>
        <translation type="unfinished">Darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="22"/>
        <source>End the sitting</source>
        <translation type="unfinished">Gorffen y sesiwn</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="23"/>
        <source>Declaration and pages</source>
        <translation type="unfinished">Datganiad a thudalennau</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="24"/>
        <source>Signature</source>
        <translation type="unfinished">Llofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="25"/>
        <source>Export</source>
        <translation type="unfinished">Allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/step_indicator.py" line="84"/>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished">Cam %1 o %2: %3</translation>
    </message>
</context>
<context>
    <name>SurvivorStep</name>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="333"/>
        <source>Survivor</source>
        <translation type="unfinished">Goroeswr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="334"/>
        <source>Name to appear on the statement (required)</source>
        <translation type="unfinished">Yr enw a fydd yn ymddangos ar y datganiad (gofynnol)</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="337"/>
        <source>Preferred name</source>
        <translation type="unfinished">Yr enw sydd orau ganddynt</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="338"/>
        <source>What they would like to be called in the room.</source>
        <translation type="unfinished">Sut yr hoffen nhw gael eu galw yn yr ystafell.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="340"/>
        <source>Pronouns</source>
        <translation type="unfinished">Rhagenwau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="340"/>
        <source>for example she/her</source>
        <translation type="unfinished">er enghraifft hi/ei</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="342"/>
        <source>Age, if under 18</source>
        <translation type="unfinished">Oedran, os o dan 18</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="342"/>
        <source>Not given</source>
        <translation type="unfinished">Heb ei roi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="344"/>
        <source>Communication needs</source>
        <translation type="unfinished">Anghenion cyfathrebu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="345"/>
        <source>Language</source>
        <translation type="unfinished">Iaith</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="346"/>
        <source>Interpreter needed</source>
        <translation type="unfinished">Angen cyfieithydd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/new_case_steps.py" line="347"/>
        <source>Interpreter&apos;s language</source>
        <translation type="unfinished">Iaith y cyfieithydd</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="23"/>
        <source>{count} waiting to send — sending is not set up yet</source>
        <translation type="unfinished">{count} yn aros i&apos;w hanfon — dydy anfon ddim wedi&apos;i osod eto</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="27"/>
        <source>{count} waiting to send — will try again shortly</source>
        <translation type="unfinished">{count} yn aros i&apos;w hanfon — cynnig arall arni cyn bo hir</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="30"/>
        <source>{count} waiting to send — will send when connected</source>
        <translation type="unfinished">{count} yn aros i&apos;w hanfon — byddan nhw&apos;n mynd ar ôl cysylltu</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="40"/>
        <source>Sending {n} of {total}…</source>
        <translation type="unfinished">Yn anfon {n} o {total}…</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="43"/>
        <source>Sending to the central system. You can carry on working; nothing waits for it.</source>
        <translation type="unfinished">Yn anfon i&apos;r system ganolog. Gallwch chi barhau i weithio; does dim byd yn aros amdano.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="48"/>
        <source>{count} waiting to send, {refused} not accepted — see Outbox</source>
        <translation type="unfinished">{count} yn aros i&apos;w hanfon, {refused} heb eu derbyn — gweler y Blwch allan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="51"/>
        <location filename="../../../ui/widgets/sync_indicator.py" line="68"/>
        <source>Something was not accepted by the central system; the outbox says why.</source>
        <translation type="unfinished">Chafodd rhywbeth mo&apos;i dderbyn gan y system ganolog; mae&apos;r blwch allan yn dweud pam.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="57"/>
        <source>Kept safely, encrypted, on this laptop until the central system confirms it has received them.</source>
        <translation type="unfinished">Yn cael eu cadw&apos;n ddiogel, wedi&apos;u hamgryptio, ar y gliniadur hwn nes bod y system ganolog yn cadarnhau ei bod wedi&apos;u derbyn.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="65"/>
        <source>{count} not accepted — see Outbox</source>
        <translation type="unfinished">{count} heb eu derbyn — gweler y Blwch allan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="73"/>
        <source>All sent</source>
        <translation type="unfinished">Wedi anfon y cyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="74"/>
        <source>The central system has confirmed everything sent from here.</source>
        <translation type="unfinished">Mae&apos;r system ganolog wedi cadarnhau popeth a anfonwyd o&apos;r fan hon.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="78"/>
        <source>Nothing to send</source>
        <translation type="unfinished">Dim byd i&apos;w anfon</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="79"/>
        <source>Nothing from this laptop is waiting for the central system.</source>
        <translation type="unfinished">Does dim byd o&apos;r gliniadur hwn yn aros am y system ganolog.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="82"/>
        <source>Opens the outbox.</source>
        <translation type="unfinished">Yn agor y blwch allan.</translation>
    </message>
    <message>
        <location filename="../../../ui/widgets/sync_indicator.py" line="113"/>
        <source>Sending to the central system: {state}</source>
        <translation type="unfinished">Anfon i&apos;r system ganolog: {state}</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="97"/>
        <source>Quietroom is locked</source>
        <translation type="unfinished">Mae Quietroom wedi&apos;i gloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="98"/>
        <source>Type your passphrase to continue.</source>
        <translation type="unfinished">Teipiwch eich cyfrinymadrodd i barhau.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="99"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished">&amp;Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="102"/>
        <source>Passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="103"/>
        <source>Your vault passphrase. Press Enter to unlock.</source>
        <translation type="unfinished">Cyfrinymadrodd eich claddgell. Pwyswch Enter i ddatgloi.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="105"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished">&amp;Datgloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="106"/>
        <source>Unlock</source>
        <translation type="unfinished">Datgloi</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="134"/>
        <source>Type your passphrase, then press Enter.</source>
        <translation type="unfinished">Teipiwch eich cyfrinymadrodd, yna pwyswch Enter.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="149"/>
        <source>The vault could not be opened. Please try again.</source>
        <translation type="unfinished">Doedd dim modd agor y gladdgell. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="152"/>
        <source>Contact your administrator; your data has not been changed.</source>
        <translation type="unfinished">Cysylltwch â&apos;ch gweinyddwr; dydy&apos;ch data ddim wedi&apos;i newid.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/unlock.py" line="108"/>
        <location filename="../../../ui/screens/unlock.py" line="163"/>
        <source>Unlocking… this takes a moment.</source>
        <translation type="unfinished">Yn datgloi… mae hyn yn cymryd ennyd.</translation>
    </message>
</context>
<context>
    <name>VerifyReport</name>
    <message>
        <location filename="../../../ui/report_messages.py" line="48"/>
        <source>bundle</source>
        <translation type="unfinished">bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="49"/>
        <source>decision file</source>
        <translation type="unfinished">ffeil penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="50"/>
        <source>decryption</source>
        <translation type="unfinished">dadgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="51"/>
        <source>contents</source>
        <translation type="unfinished">cynnwys</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="52"/>
        <source>trust file</source>
        <translation type="unfinished">ffeil ymddiried</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="53"/>
        <source>receipt</source>
        <translation type="unfinished">derbynneb</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="55"/>
        <source>manifest</source>
        <translation type="unfinished">maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="56"/>
        <source>manifest signature</source>
        <translation type="unfinished">llofnod y maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="57"/>
        <source>author&apos;s role</source>
        <translation type="unfinished">rôl yr awdur</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="58"/>
        <source>file hashes</source>
        <translation type="unfinished">stwnsh y ffeiliau</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="59"/>
        <source>recipients</source>
        <translation type="unfinished">derbynwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="60"/>
        <source>statement PDF signature</source>
        <translation type="unfinished">llofnod PDF y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="63"/>
        <source>statement time-stamp</source>
        <translation type="unfinished">stamp amser y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="66"/>
        <source>record schema</source>
        <translation type="unfinished">sgema&apos;r cofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="67"/>
        <source>statement binding</source>
        <translation type="unfinished">cysylltiad y datganiad â&apos;r cofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="68"/>
        <source>history</source>
        <translation type="unfinished">hanes</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="69"/>
        <source>exhibits</source>
        <translation type="unfinished">arddangosion</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="70"/>
        <source>pages confirmed by the witness</source>
        <translation type="unfinished">tudalennau a gadarnhaodd y tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="73"/>
        <source>restricted details binding</source>
        <translation type="unfinished">cysylltiad y manylion cyfyngedig â&apos;r achos</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="76"/>
        <source>restricted details</source>
        <translation type="unfinished">manylion cyfyngedig</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="77"/>
        <source>audit chain</source>
        <translation type="unfinished">cadwyn archwilio</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="79"/>
        <source>decision schema</source>
        <translation type="unfinished">sgema&apos;r penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="80"/>
        <source>decision signature</source>
        <translation type="unfinished">llofnod y penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="81"/>
        <source>reviewer</source>
        <translation type="unfinished">adolygydd</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="82"/>
        <source>countersigned statement</source>
        <translation type="unfinished">datganiad wedi&apos;i gydlofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="122"/>
        <source>ok</source>
        <translation type="unfinished">iawn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages.py" line="123"/>
        <source>FAIL</source>
        <translation type="unfinished">METHU</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="138"/>
        <source>broken</source>
        <translation type="unfinished">wedi torri</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="139"/>
        <source>the record&apos;s audit head does not match the log</source>
        <translation type="unfinished">dydy pen archwilio&apos;r cofnod ddim yn cyfateb i&apos;r log</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="142"/>
        <source>{count} entries, hash chain intact</source>
        <translation type="unfinished">{count} eitem, y gadwyn stwnsh yn gyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="145"/>
        <source>the log does not end with this export</source>
        <translation type="unfinished">dydy&apos;r log ddim yn gorffen gyda&apos;r allforiad hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="148"/>
        <source>audit.jsonl is not a readable audit log</source>
        <translation type="unfinished">dydy audit.jsonl ddim yn log archwilio y mae modd ei ddarllen</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="15"/>
        <source>signed by {name}, an interviewer in the organisation&apos;s trust file</source>
        <translation type="unfinished">wedi&apos;i lofnodi gan {name}, cyfwelydd yn ffeil ymddiried y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="18"/>
        <source>not checked: only the organisation&apos;s CA certificate was given; give its trust file to check that the signer is a member with the role interviewer, or --ca-only to accept this</source>
        <translation type="unfinished">heb ei wirio: dim ond tystysgrif CA y sefydliad a roddwyd; rhowch ei ffeil ymddiried i wirio bod y llofnodwr yn aelod â&apos;r rôl interviewer, neu --ca-only i dderbyn hyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="24"/>
        <source>not checked: only the organisation&apos;s CA certificate was given; give its trust file to check that the signer is a member with the role interviewer (accepted with --ca-only)</source>
        <translation type="unfinished">heb ei wirio: dim ond tystysgrif CA y sefydliad a roddwyd; rhowch ei ffeil ymddiried i wirio bod y llofnodwr yn aelod â&apos;r rôl interviewer (wedi&apos;i dderbyn gyda --ca-only)</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="30"/>
        <source>the signer is not a member of the organisation&apos;s trust file</source>
        <translation type="unfinished">dydy&apos;r llofnodwr ddim yn aelod yn ffeil ymddiried y sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="151"/>
        <source>the signed PDF names this record&apos;s case, statement and text</source>
        <translation type="unfinished">mae&apos;r PDF wedi&apos;i lofnodi yn enwi achos, datganiad a thestun y cofnod hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="154"/>
        <source>the signed PDF does not name this record&apos;s case, statement and text</source>
        <translation type="unfinished">dydy&apos;r PDF wedi&apos;i lofnodi ddim yn enwi achos, datganiad a thestun y cofnod hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="33"/>
        <source>checked at {moment} UTC, {how}</source>
        <translation type="unfinished">wedi&apos;i wirio am {moment} UTC, {how}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="36"/>
        <source>checked {how}</source>
        <translation type="unfinished">wedi&apos;i wirio {how}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="37"/>
        <source>{name} does not match its SHA-256 in the manifest</source>
        <translation type="unfinished">dydy {name} ddim yn cyfateb i&apos;w SHA-256 yn y maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="40"/>
        <source>all {count} files match the signed manifest</source>
        <translation type="unfinished">mae pob un o&apos;r {count} ffeil yn cyfateb i&apos;r maniffest wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="43"/>
        <source>the manifest does not list exactly the bundle&apos;s files</source>
        <translation type="unfinished">dydy&apos;r maniffest ddim yn rhestru union ffeiliau&apos;r bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="157"/>
        <source>every read-back correction, with the text confirmed before it</source>
        <translation type="unfinished">pob cywiriad wrth ddarllen yn ôl, gyda&apos;r testun a gadarnhawyd cyn hynny</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="160"/>
        <source>history.json does not hold the corrections the record counts</source>
        <translation type="unfinished">dydy history.json ddim yn cynnwys y cywiriadau mae&apos;r cofnod yn eu cyfrif</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="163"/>
        <source>a text in history.json does not match its SHA-256</source>
        <translation type="unfinished">dydy testun yn history.json ddim yn cyfateb i&apos;w SHA-256</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="166"/>
        <source>history.json describes another case than the manifest</source>
        <translation type="unfinished">mae history.json yn disgrifio achos gwahanol i&apos;r maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="46"/>
        <source>now: the signature states no signing time</source>
        <translation type="unfinished">nawr: dydy&apos;r llofnod ddim yn nodi amser llofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="49"/>
        <source>the intake&apos;s time stamp on its receipt</source>
        <translation type="unfinished">stamp amser y gwasanaeth derbyn ar ei dderbynneb</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="52"/>
        <source>the signing time it states</source>
        <translation type="unfinished">yr amser llofnodi mae&apos;n ei nodi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="169"/>
        <source>{label} does not match {schema} at {where}</source>
        <translation type="unfinished">dydy {label} ddim yn cyfateb i {schema} yn {where}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="172"/>
        <source>{label} is not valid JSON (it is nested too deeply)</source>
        <translation type="unfinished">dydy {label} ddim yn JSON dilys (mae wedi&apos;i nythu&apos;n rhy ddwfn)</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="55"/>
        <source>a key appears twice</source>
        <translation type="unfinished">mae allwedd yn ymddangos ddwywaith</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="58"/>
        <source>&apos;files&apos; must give each file&apos;s sha256 and size</source>
        <translation type="unfinished">rhaid i &apos;files&apos; roi sha256 a maint pob ffeil</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="61"/>
        <source>its format is not {format}</source>
        <translation type="unfinished">dydy ei fformat ddim yn {format}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="64"/>
        <source>manifest.json is not a Quietroom manifest: {problem}</source>
        <translation type="unfinished">dydy manifest.json ddim yn faniffest Quietroom: {problem}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="67"/>
        <source>it is not UTF-8 JSON</source>
        <translation type="unfinished">dydy e ddim yn JSON UTF-8</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="70"/>
        <source>it is not a JSON object</source>
        <translation type="unfinished">dydy e ddim yn wrthrych JSON</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="73"/>
        <source>&apos;sequence&apos; and &apos;statement&apos; must be whole numbers</source>
        <translation type="unfinished">rhaid i &apos;sequence&apos; a &apos;statement&apos; fod yn rhifau cyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="76"/>
        <source>format quietroom-bundle, version {version}</source>
        <translation type="unfinished">fformat quietroom-bundle, fersiwn {version}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="79"/>
        <source>&apos;recipients&apos; must be a list of age recipients</source>
        <translation type="unfinished">rhaid i &apos;recipients&apos; fod yn rhestr o dderbynwyr age</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="82"/>
        <source>signed by {name}, certificate issued by the organisation&apos;s CA, {checked}</source>
        <translation type="unfinished">wedi&apos;i lofnodi gan {name}, tystysgrif a roddwyd gan CA y sefydliad, {checked}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="85"/>
        <source>&apos;{where}&apos; must be an object with the texts {keys}</source>
        <translation type="unfinished">rhaid i &apos;{where}&apos; fod yn wrthrych gyda&apos;r testunau {keys}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="88"/>
        <source>it is nested too deeply</source>
        <translation type="unfinished">mae wedi&apos;i nythu&apos;n rhy ddwfn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="91"/>
        <source>its version is not one this verifier reads (1 or 2)</source>
        <translation type="unfinished">dydy ei fersiwn ddim yn un mae&apos;r gwiriwr hwn yn ei darllen (1 neu 2)</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="94"/>
        <source>you are not among the recipients the author signed for: the bundle was re-encrypted by someone else</source>
        <translation type="unfinished">dydych chi ddim ymhlith y derbynwyr y llofnododd yr awdur ar eu cyfer: cafodd y bwndel ei ailamgryptio gan rywun arall</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="99"/>
        <source>the signer is not the author named in the manifest</source>
        <translation type="unfinished">nid y llofnodwr yw&apos;r awdur a enwir yn y maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="102"/>
        <source>not valid</source>
        <translation type="unfinished">ddim yn ddilys</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="103"/>
        <source>the PDF was signed by someone other than the manifest&apos;s signer</source>
        <translation type="unfinished">cafodd y PDF ei lofnodi gan rywun heblaw llofnodwr y maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="106"/>
        <source>valid: {description}</source>
        <translation type="unfinished">dilys: {description}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="107"/>
        <source>you are among the recipients the author signed for</source>
        <translation type="unfinished">rydych chi ymhlith y derbynwyr y llofnododd yr awdur ar eu cyfer</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="175"/>
        <source>record.json describes another case than the manifest</source>
        <translation type="unfinished">mae record.json yn disgrifio achos gwahanol i&apos;r maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="178"/>
        <source>restricted.pdf names this bundle&apos;s case</source>
        <translation type="unfinished">mae restricted.pdf yn enwi achos y bwndel hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="181"/>
        <source>restricted.pdf does not name this bundle&apos;s case</source>
        <translation type="unfinished">dydy restricted.pdf ddim yn enwi achos y bwndel hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="184"/>
        <source>restricted.json describes another case than the manifest</source>
        <translation type="unfinished">mae restricted.json yn disgrifio achos gwahanol i&apos;r maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="187"/>
        <source>valid against {schema}, for the manifest&apos;s case</source>
        <translation type="unfinished">dilys yn ôl {schema}, ar gyfer achos y maniffest</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="110"/>
        <source>the record&apos;s time-stamping certificate is not the statement&apos;s</source>
        <translation type="unfinished">dydy tystysgrif stampio amser y cofnod ddim yr un ag un y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="113"/>
        <source>the record says PAdES {level}, the statement is {actual}</source>
        <translation type="unfinished">mae&apos;r cofnod yn dweud PAdES {level}, mae&apos;r datganiad yn {actual}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="116"/>
        <source>the record names the statement&apos;s time-stamp ({when} UTC) and its level, PAdES {level}</source>
        <translation type="unfinished">mae&apos;r cofnod yn enwi stamp amser y datganiad ({when} UTC) a&apos;i lefel, PAdES {level}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="120"/>
        <source>the record says PAdES {level}, as the statement is: no time-stamp</source>
        <translation type="unfinished">mae&apos;r cofnod yn dweud PAdES {level}, fel mae&apos;r datganiad: dim stamp amser</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="123"/>
        <source>the record names a time-stamp the statement does not carry</source>
        <translation type="unfinished">mae&apos;r cofnod yn enwi stamp amser sydd ddim ar y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="126"/>
        <source>not checked: the record says PAdES {level}; only the trust file names the intake&apos;s time-stamping certificate</source>
        <translation type="unfinished">heb ei wirio: mae&apos;r cofnod yn dweud PAdES {level}; dim ond y ffeil ymddiried sy&apos;n enwi tystysgrif stampio amser y gwasanaeth derbyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="131"/>
        <source>the statement carries a time-stamp the record does not name</source>
        <translation type="unfinished">mae stamp amser ar y datganiad sydd ddim yn cael ei enwi yn y cofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="134"/>
        <source>the record&apos;s time-stamp time is not the statement&apos;s</source>
        <translation type="unfinished">dydy amser stamp amser y cofnod ddim yr un ag amser y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="190"/>
        <source>valid against {schema}</source>
        <translation type="unfinished">dilys yn ôl {schema}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="194"/>
        <source>there is no valid record to check it against</source>
        <translation type="unfinished">does dim cofnod dilys i&apos;w wirio yn ei erbyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="197"/>
        <source>there is no valid record to check them against</source>
        <translation type="unfinished">does dim cofnod dilys i&apos;w gwirio yn ei erbyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="200"/>
        <source>{first}; {then}</source>
        <translation type="unfinished">{first}; {then}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="202"/>
        <source>every expected file is present</source>
        <translation type="unfinished">mae pob ffeil ddisgwyliedig yno</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="205"/>
        <source>the bundle opened with your identity</source>
        <translation type="unfinished">agorodd y bwndel gyda&apos;ch hunaniaeth chi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="208"/>
        <source>the bundle holds malformed data the checks could not read ({kind})</source>
        <translation type="unfinished">mae data wedi&apos;i gamffurfio yn y bwndel nad oedd modd i&apos;r gwiriadau ei ddarllen ({kind})</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="211"/>
        <source>missing: {names}</source>
        <translation type="unfinished">ar goll: {names}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="212"/>
        <source>not part of this version of a bundle: {names}</source>
        <translation type="unfinished">ddim yn rhan o&apos;r fersiwn hon o fwndel: {names}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_bundle.py" line="215"/>
        <source>past its next update ({date}): members may have been removed since; ask your administrator for the current one</source>
        <translation type="unfinished">wedi pasio ei diweddariad nesaf ({date}): efallai fod aelodau wedi&apos;u tynnu ers hynny; gofynnwch i&apos;ch gweinyddwr am yr un cyfredol</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="15"/>
        <source>two valid signatures: the interviewer&apos;s over the statement as signed, the supervisor&apos;s over the whole file</source>
        <translation type="unfinished">dau lofnod dilys: un y cyfwelydd dros y datganiad fel y cafodd ei lofnodi, un y goruchwyliwr dros y ffeil gyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="20"/>
        <source>the PDF was countersigned by someone other than the reviewer</source>
        <translation type="unfinished">cafodd y PDF ei gydlofnodi gan rywun heblaw&apos;r adolygydd</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="23"/>
        <source>the countersigned PDF is missing or is not the one the decision names</source>
        <translation type="unfinished">mae&apos;r PDF wedi&apos;i gydlofnodi ar goll, neu nid hwnnw yw&apos;r un mae&apos;r penderfyniad yn ei enwi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="26"/>
        <source>the decision and its signature are present</source>
        <translation type="unfinished">mae&apos;r penderfyniad a&apos;i lofnod yno</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="29"/>
        <source>the decision file opened with your identity</source>
        <translation type="unfinished">agorodd y ffeil penderfyniad gyda&apos;ch hunaniaeth chi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="32"/>
        <source>decision.json is not UTF-8 JSON</source>
        <translation type="unfinished">dydy decision.json ddim yn JSON UTF-8</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="35"/>
        <source>decision.json does not match at {where}</source>
        <translation type="unfinished">dydy decision.json ddim yn cyfateb yn {where}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="38"/>
        <source>signed by {name}, certificate issued by the CA, {checked}</source>
        <translation type="unfinished">wedi&apos;i lofnodi gan {name}, tystysgrif a roddwyd gan y CA, {checked}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="41"/>
        <source>decision.json is nested too deeply</source>
        <translation type="unfinished">mae decision.json wedi&apos;i nythu&apos;n rhy ddwfn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="44"/>
        <source>valid against decision-v1.schema.json</source>
        <translation type="unfinished">dilys yn ôl decision-v1.schema.json</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="47"/>
        <source>the statement was not signed by an interviewer of the organisation</source>
        <translation type="unfinished">chafodd y datganiad ddim ei lofnodi gan gyfwelydd o&apos;r sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="50"/>
        <source>the signer is not the reviewer named in the decision</source>
        <translation type="unfinished">nid y llofnodwr yw&apos;r adolygydd a enwir yn y penderfyniad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="53"/>
        <source>none, as the statement was returned</source>
        <translation type="unfinished">dim, gan fod y datganiad wedi&apos;i ddychwelyd</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="56"/>
        <source>a returned statement must not carry a countersigned PDF</source>
        <translation type="unfinished">ddylai datganiad sydd wedi&apos;i ddychwelyd ddim cario PDF wedi&apos;i gydlofnodi</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="59"/>
        <source>{name}, a supervisor in the trust file</source>
        <translation type="unfinished">{name}, goruchwyliwr yn y ffeil ymddiried</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="62"/>
        <source>not checked: only the CA certificate was given; give the trust file to check that the signer is a supervisor, or --ca-only to accept this</source>
        <translation type="unfinished">heb ei wirio: dim ond tystysgrif y CA a roddwyd; rhowch y ffeil ymddiried i wirio bod y llofnodwr yn oruchwyliwr, neu --ca-only i dderbyn hyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="67"/>
        <source>not checked: only the CA certificate was given; give the trust file to check that the signer is a supervisor (accepted with --ca-only)</source>
        <translation type="unfinished">heb ei wirio: dim ond tystysgrif y CA a roddwyd; rhowch y ffeil ymddiried i wirio bod y llofnodwr yn oruchwyliwr (wedi&apos;i dderbyn gyda --ca-only)</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="72"/>
        <source>the signer is not a member of the organisation</source>
        <translation type="unfinished">dydy&apos;r llofnodwr ddim yn aelod o&apos;r sefydliad</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="75"/>
        <source>the decision was signed by a member with the role {role}; only a supervisor may decide</source>
        <translation type="unfinished">cafodd y penderfyniad ei lofnodi gan aelod â&apos;r rôl {role}; dim ond goruchwyliwr gaiff benderfynu</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="80"/>
        <source>{reference}&apos;s file is not in the bundle</source>
        <translation type="unfinished">dydy ffeil {reference} ddim yn y bwndel</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="83"/>
        <source>{reference}&apos;s file is not where the record says</source>
        <translation type="unfinished">dydy ffeil {reference} ddim lle mae&apos;r cofnod yn ei ddweud</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="86"/>
        <source>{path} is missing</source>
        <translation type="unfinished">mae {path} ar goll</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="89"/>
        <source>{path} does not match its SHA-256 in the record</source>
        <translation type="unfinished">dydy {path} ddim yn cyfateb i&apos;w SHA-256 yn y cofnod</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="92"/>
        <source>the record lists a reference twice</source>
        <translation type="unfinished">mae&apos;r cofnod yn rhestru cyfeirnod ddwywaith</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="95"/>
        <source>{count} exhibit(s), {with_file} with a file, each as the record lists it</source>
        <translation type="unfinished">{count} arddangosyn, {with_file} gyda ffeil, pob un fel mae&apos;r cofnod yn ei restru</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="98"/>
        <source>the statement produces no exhibits</source>
        <translation type="unfinished">dydy&apos;r datganiad ddim yn cyflwyno unrhyw arddangosion</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="101"/>
        <source>not listed in the record: {names}</source>
        <translation type="unfinished">heb eu rhestru yn y cofnod: {names}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="105"/>
        <source>covering the whole document</source>
        <translation type="unfinished">yn cwmpasu&apos;r ddogfen gyfan</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="108"/>
        <source>covering the whole document but the validation data added after it</source>
        <translation type="unfinished">yn cwmpasu&apos;r ddogfen gyfan heblaw&apos;r data dilysu a ychwanegwyd ar ei hôl</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="111"/>
        <source>{said}; {covers}; signed by {signer}</source>
        <translation type="unfinished">{said}; {covers}; wedi&apos;i lofnodi gan {signer}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="114"/>
        <source>now</source>
        <translation type="unfinished">nawr</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="115"/>
        <source>PAdES {level}, not time-stamped: checked at its signing time, {when}</source>
        <translation type="unfinished">PAdES {level}, heb stamp amser: wedi&apos;i wirio ar ei amser llofnodi, {when}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="118"/>
        <source>PAdES {level}, time-stamped {when} by the intake</source>
        <translation type="unfinished">PAdES {level}, stamp amser {when} gan y gwasanaeth derbyn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="121"/>
        <source>PAdES {level}, time-stamped {when} by the intake, with the revocation data then current</source>
        <translation type="unfinished">PAdES {level}, stamp amser {when} gan y gwasanaeth derbyn, gyda&apos;r data dirymu oedd yn gyfredol bryd hynny</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="126"/>
        <source>all {count} page(s) are the pages the witness confirmed on screen</source>
        <translation type="unfinished">mae pob un o&apos;r {count} tudalen yn dudalennau a gadarnhaodd y tyst ar y sgrin</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="129"/>
        <source>the text of page(s) {pages} is not what the witness confirmed</source>
        <translation type="unfinished">dydy testun tudalen(nau) {pages} ddim yr hyn a gadarnhaodd y tyst</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="132"/>
        <source>statement.pdf has {found} page(s); the witness confirmed {confirmed}</source>
        <translation type="unfinished">mae gan statement.pdf {found} tudalen; cadarnhaodd y tyst {confirmed}</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="135"/>
        <source>not recorded: the statement was signed before pages were confirmed one by one</source>
        <translation type="unfinished">heb ei gofnodi: cafodd y datganiad ei lofnodi cyn i&apos;r tudalennau gael eu cadarnhau fesul un</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="139"/>
        <source>the record does not list the pages in order</source>
        <translation type="unfinished">dydy&apos;r cofnod ddim yn rhestru&apos;r tudalennau yn eu trefn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="142"/>
        <source>statement.pdf&apos;s pages could not be read</source>
        <translation type="unfinished">doedd dim modd darllen tudalennau statement.pdf</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="146"/>
        <source>the receipt is for another bundle than this one</source>
        <translation type="unfinished">mae&apos;r dderbynneb ar gyfer bwndel gwahanol i hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="149"/>
        <source>the receipt&apos;s time stamp is over another manifest than this bundle&apos;s</source>
        <translation type="unfinished">mae stamp amser y dderbynneb dros faniffest gwahanol i un y bwndel hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="152"/>
        <source>the intake received this bundle at {received} and time-stamped its manifest at {stamped} UTC</source>
        <translation type="unfinished">derbyniodd y gwasanaeth derbyn y bwndel hwn am {received} a rhoi stamp amser ar ei faniffest am {stamped} UTC</translation>
    </message>
    <message>
        <location filename="../../../ui/report_messages_statement.py" line="157"/>
        <source>the intake received this bundle at {received} (a version 1 receipt: no time stamp, so the manifest is checked at the signing time it states)</source>
        <translation type="unfinished">derbyniodd y gwasanaeth derbyn y bwndel hwn am {received} (derbynneb fersiwn 1: does dim stamp amser, felly mae&apos;r maniffest yn cael ei wirio ar yr amser llofnodi mae&apos;n ei nodi)</translation>
    </message>
</context>
<context>
    <name>WorkspaceScreen</name>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="94"/>
        <source>&amp;Cases</source>
        <translation type="unfinished">Ach&amp;osion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="95"/>
        <source>Back to the case list</source>
        <translation type="unfinished">Yn ôl i&apos;r rhestr achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="95"/>
        <source>Cases</source>
        <translation type="unfinished">Achosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="97"/>
        <source>Read-&amp;back</source>
        <translation type="unfinished">Da&amp;rllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="100"/>
        <source>Read-back</source>
        <translation type="unfinished">Darllen yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="101"/>
        <source>Show the statement text in large print for the survivor</source>
        <translation type="unfinished">Dangos testun y datganiad mewn print bras i&apos;r goroeswr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="103"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished">All&amp;forio…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="106"/>
        <source>Export</source>
        <translation type="unfinished">Allforio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="107"/>
        <source>Export the signed statement as an encrypted bundle</source>
        <translation type="unfinished">Allforio&apos;r datganiad wedi&apos;i lofnodi fel bwndel wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="111"/>
        <source>Decisi&amp;ons…</source>
        <translation type="unfinished">Pend&amp;erfyniadau…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="114"/>
        <source>Supervisor decisions</source>
        <translation type="unfinished">Penderfyniadau goruchwylwyr</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="115"/>
        <source>See and import the supervisors&apos; decisions on this statement</source>
        <translation type="unfinished">Gweld a mewnforio penderfyniadau&apos;r goruchwylwyr ar y datganiad hwn</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="120"/>
        <source>&amp;Further statement…</source>
        <translation type="unfinished">Datganiad pellac&amp;h…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="123"/>
        <source>Further statement</source>
        <translation type="unfinished">Datganiad pellach</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="124"/>
        <source>Start a further statement from the survivor; the signed one stays as it is</source>
        <translation type="unfinished">Dechrau datganiad pellach gan y goroeswr; mae&apos;r un sydd wedi&apos;i lofnodi yn aros fel y mae</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="157"/>
        <source>G&amp;uide</source>
        <translation type="unfinished">Canlla&amp;w</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="167"/>
        <location filename="../../../ui/screens/workspace.py" line="169"/>
        <source>T&amp;imeline</source>
        <translation type="unfinished">&amp;Llinell amser</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="170"/>
        <source>Show the timeline and notes</source>
        <translation type="unfinished">Dangos y llinell amser a&apos;r nodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="171"/>
        <source>Hide the timeline and notes</source>
        <translation type="unfinished">Cuddio&apos;r llinell amser a&apos;r nodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="172"/>
        <source>The timeline, notes, exhibits and details beside the statement</source>
        <translation type="unfinished">Y llinell amser, y nodiadau, yr arddangosion a&apos;r manylion wrth ymyl y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="198"/>
        <source>The survivor&apos;s own words for this section; saved as you type</source>
        <translation type="unfinished">Geiriau&apos;r goroeswr ei hun ar gyfer yr adran hon; caiff eu cadw wrth i chi deipio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="470"/>
        <source>It has been about %1 minutes without a break. You might offer one when it suits the survivor.</source>
        <translation type="unfinished">Mae tua %1 munud wedi mynd heb egwyl. Efallai yr hoffech gynnig un pan fydd yn gyfleus i&apos;r goroeswr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="475"/>
        <source>This sitting has gone on for over %1 minutes. Consider how the survivor is doing.</source>
        <translation type="unfinished">Mae&apos;r sesiwn hon wedi para dros %1 munud. Ystyriwch sut mae&apos;r goroeswr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="483"/>
        <source>This sitting began more than %1 hours %2 minutes ago. Consider whether to stop for today.</source>
        <translation type="unfinished">Dechreuodd y sesiwn hon fwy na %1 awr %2 munud yn ôl. Ystyriwch a ddylid stopio am heddiw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="488"/>
        <source>This sitting began more than %1 hours ago. Consider whether to stop for today.</source>
        <translation type="unfinished">Dechreuodd y sesiwn hon fwy na %1 awr yn ôl. Ystyriwch a ddylid stopio am heddiw.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="495"/>
        <source>New phase: %1. A good moment to check in with the survivor.</source>
        <translation type="unfinished">Cyfnod newydd: %1. Adeg dda i holi sut mae&apos;r goroeswr.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="142"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished">Ca&amp;u</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="143"/>
        <source>Dismiss the suggestion</source>
        <translation type="unfinished">Cau&apos;r awgrym</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="160"/>
        <source>Show the interview guide</source>
        <translation type="unfinished">Dangos canllaw&apos;r cyfweliad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="161"/>
        <source>Shows or hides the interview guide beside the statement</source>
        <translation type="unfinished">Yn dangos neu&apos;n cuddio canllaw&apos;r cyfweliad wrth ymyl y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="178"/>
        <location filename="../../../ui/screens/workspace.py" line="183"/>
        <source>Statement section</source>
        <translation type="unfinished">Adran y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="179"/>
        <source>The part of the statement you are writing</source>
        <translation type="unfinished">Y rhan o&apos;r datganiad rydych chi&apos;n ei hysgrifennu</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="197"/>
        <source>Statement text</source>
        <translation type="unfinished">Testun y datganiad</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="209"/>
        <source>Exhibits</source>
        <translation type="unfinished">Arddangosion</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="241"/>
        <source>Copying is switched off in Settings</source>
        <translation type="unfinished">Mae copïo wedi&apos;i ddiffodd yn y Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="348"/>
        <source>Signed: the text can no longer change</source>
        <translation type="unfinished">Wedi&apos;i lofnodi: ni all y testun newid mwyach</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="376"/>
        <source>A further statement: write it as the first</source>
        <translation type="unfinished">Datganiad pellach: ysgrifennwch ef fel y cyntaf</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="392"/>
        <source>Something went wrong; nothing was lost.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi&apos;i golli.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="400"/>
        <source>Saving…</source>
        <translation type="unfinished">Yn cadw…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="424"/>
        <source>Saved</source>
        <translation type="unfinished">Wedi&apos;i gadw</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/workspace.py" line="428"/>
        <source>Not saved yet: %1</source>
        <translation type="unfinished">Heb ei gadw eto: %1</translation>
    </message>
</context>
<context>
    <name>_BundleScreen</name>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="70"/>
        <source>Choose…</source>
        <translation type="unfinished">Dewis…</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="74"/>
        <source>Working</source>
        <translation type="unfinished">Wrthi&apos;n gweithio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="82"/>
        <source>Verification report</source>
        <translation type="unfinished">Adroddiad gwirio</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="83"/>
        <source>One line per check; every line must say ok</source>
        <translation type="unfinished">Un llinell i bob gwiriad; rhaid i bob llinell ddweud ok</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="86"/>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="87"/>
        <source>Back</source>
        <translation type="unfinished">Yn ôl</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="109"/>
        <source>Every check passed.</source>
        <translation type="unfinished">Llwyddodd pob gwiriad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="117"/>
        <source>The bundle did not verify: {detail}. Do not rely on it; see the report.</source>
        <translation type="unfinished">Wnaeth y bwndel ddim pasio&apos;r gwiriad: {detail}. Peidiwch â dibynnu arno; gweler yr adroddiad.</translation>
    </message>
    <message>
        <location filename="../../../ui/screens/bundles.py" line="123"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation type="unfinished">Aeth rhywbeth o&apos;i le; does dim byd wedi newid.</translation>
    </message>
</context>
</TS>
