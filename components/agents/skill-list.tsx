import { Badge } from "@/components/ui/badge";

export interface SkillView {
  skillId: string;
  name: string;
  description: string;
  tags: string[];
  examples: string[];
  inputModes?: string[];
  outputModes?: string[];
}

/** An agent's skills with their examples: what buyers match their task against. */
export function SkillList({ skills }: { skills: SkillView[] }) {
  return (
    <ul className="divide-y divide-border">
      {skills.map((skill) => (
        <li key={skill.skillId} className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="skill">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{skill.name}</h3>
            {skill.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
          </div>
          <p className="text-sm text-muted-foreground">{skill.description}</p>
          {skill.examples.length ? (
            <ul className="space-y-1">
              {skill.examples.map((example) => (
                <li key={example} className="rounded-md bg-muted px-3 py-1.5 text-sm">
                  &ldquo;{example}&rdquo;
                </li>
              ))}
            </ul>
          ) : null}
          {skill.inputModes?.length ? (
            <p className="text-xs text-muted-foreground">
              Accepts {skill.inputModes.join(", ")} · returns {skill.outputModes?.join(", ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
