<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation type="unfinished">Arallenw</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished">Gyriant</translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished">Ffeil</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation type="unfinished">Ffolder ffeiliau</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation type="unfinished">Ffolder</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation type="unfinished">Llwybr byr</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished">Anhysbys</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation type="unfinished">D&amp;ewis y cyfan</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation type="unfinished">Cam i &amp;fyny</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation type="unfinished">Cam i &amp;lawr</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation type="unfinished">Iawn</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation type="unfinished">%1
Doedd dim modd dod o hyd i&apos;r ffolder.
Gwiriwch fod enw&apos;r ffolder yn gywir.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation type="unfinished">%1
Doedd dim modd dod o hyd i&apos;r ffeil.
Gwiriwch fod enw&apos;r ffeil yn gywir.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation type="unfinished">Mae %1 yn bodoli eisoes.
Ydych chi am roi&apos;r un newydd yn ei lle?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation type="unfinished">&amp;Dewis</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished">&amp;Dileu</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished">&amp;Edrych yn:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation type="unfinished">Ffolder &amp;newydd</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished">&amp;Agor</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished">&amp;Ailenwi</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Cadw</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation type="unfinished">Mae &apos;%1&apos; wedi&apos;i ddiogelu rhag newidiadau.
Ydych chi am ei ddileu er hynny?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation type="unfinished">Pob ffeil (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished">Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation type="unfinished">Ydych chi&apos;n siŵr eich bod am ddileu &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">Yn ôl</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation type="unfinished">Newid i olwg manylion</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation type="unfinished">Newid i olwg rhestr</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation type="unfinished">Doedd dim modd dileu&apos;r ffolder.</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation type="unfinished">Creu ffolder newydd</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation type="unfinished">Creu ffolder newydd</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Dileu</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation type="unfinished">Golwg manylion</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation type="unfinished">Ffolderi</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation type="unfinished">Ffolder:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished">Enw&apos;r &amp;ffeil:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished">Ffeiliau</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished">&amp;Math o ffeiliau:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation type="unfinished">Dod o hyd i ffolder</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished">Ymlaen</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished">Mynd yn ôl</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation type="unfinished">Mynd ymlaen</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation type="unfinished">Mynd i&apos;r ffolder rhiant</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation type="unfinished">Rhestr o leoedd a nodau tudalen</translation>
    </message>
    <message>
        <source>List View</source>
        <translation type="unfinished">Golwg rhestr</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished">Ffolder newydd</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Agor</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation type="unfinished">Ffolder rhiant</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation type="unfinished">Lleoedd diweddar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished">Tynnu</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished">Cadw fel</translation>
    </message>
    <message>
        <source>Show </source>
        <translation type="unfinished">Dangos </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished">Dangos ffeiliau &amp;cudd</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished">Bar ochr</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation type="unfinished">Cyfrifiadur</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation type="unfinished">Dyddiad newid</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>Match OS X Finder</comment>
        <translation type="unfinished">Math</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation type="unfinished">Fy nghyfrifiadur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Maint</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation type="unfinished">Math</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished">Ca&amp;nslo</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished">C&amp;au</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished">&amp;Iawn</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Cadw</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished">Cau heb gadw</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished">&amp;Copïo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished">&amp;Gludo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished">&amp;Ail-wneud</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished">&amp;Dadwneud</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished">&amp;Torri</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Dileu</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished">Dewis y cyfan</translation>
    </message>
</context>
<context>
    <name>QMimeType</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished">anhysbys</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished">&amp;Na</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished">&amp;Ie</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished">Rhoi&apos;r gorau iddi</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished">Gweithredu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Canslo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Cau</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished">Gwaredu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished">Cymorth</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished">Anwybyddu</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished">N&amp;a i&apos;r cyfan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">Iawn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Agor</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished">Ailosod</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished">Adfer y rhagosodiadau</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished">Ceisio eto</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Cadw</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished">Cadw&apos;r cyfan</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished">Ie i&apos;r &amp;cyfan</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Bottom</source>
        <translation type="unfinished">Gwaelod</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation type="unfinished">Ymyl chwith</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation type="unfinished">Tudalen i lawr</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation type="unfinished">Tudalen i&apos;r chwith</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation type="unfinished">Tudalen i&apos;r dde</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation type="unfinished">Tudalen i fyny</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation type="unfinished">Ymyl dde</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation type="unfinished">Sgrolio i lawr</translation>
    </message>
    <message>
        <source>Scroll here</source>
        <translation type="unfinished">Sgrolio i fan hyn</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation type="unfinished">Sgrolio i&apos;r chwith</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation type="unfinished">Sgrolio i&apos;r dde</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation type="unfinished">Sgrolio i fyny</translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished">Brig</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation type="unfinished">Sgrolio i&apos;r chwith</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation type="unfinished">Sgrolio i&apos;r dde</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished">&amp;Copïo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished">&amp;Gludo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished">&amp;Ail-wneud</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished">&amp;Dadwneud</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished">Copïo &amp;lleoliad y ddolen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished">&amp;Torri</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Dileu</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished">Dewis y cyfan</translation>
    </message>
</context>
</TS>
